import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

/** Matching a goal to agents by capability, and the coordinator, with the built-in offline assistant. */
describe('capability matching and the coordinator', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true });
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
    const { agents } = testApp.app;
    await agents.create(alice, {
      name: 'shortener',
      description: 'Makes long texts short',
      capabilities: [
        { name: 'summarize', description: 'Summarizes an article or a report into a few sentences' },
      ],
    });
    await agents.create(alice, {
      name: 'polyglot',
      description: 'Works across languages',
      capabilities: [{ name: 'translate', description: 'Translates text into another language' }],
    });
    // It would match a summary best, but it needs a tool this instance does not have.
    await agents.create(alice, {
      name: 'summarize-reports',
      description: 'Summarizes long reports',
      tools: ['no_such_tool'],
      capabilities: [{ name: 'summarize', description: 'Summarizes a long report into a summary' }],
    });
  }, 180_000);
  afterAll(() => testApp?.close());

  it('ranks the user’s agents by how well their capabilities match the goal', async () => {
    const { items } = await testApp.app.agentCoop.match(alice, { goal: 'Summarize this long report for me' });
    expect(items[0]).toMatchObject({ name: 'shortener', capabilities: ['summarize'] });
    expect(items.map((item) => item.name)).not.toContain('polyglot');
    const translation = await testApp.app.agentCoop.match(alice, { goal: 'translate it into French' });
    expect(translation.items[0]?.name).toBe('polyglot');
  });

  it('leaves out an agent whose tools are down, and says why', async () => {
    const { items, unavailable } = await testApp.app.agentCoop.match(alice, {
      goal: 'Summarize this long report for me',
    });
    expect(items.map((item) => item.name)).not.toContain('summarize-reports');
    expect(unavailable).toEqual([
      expect.objectContaining({ name: 'summarize-reports', reason: expect.stringContaining('no_such_tool') }),
    ]);
    const health = await testApp.app.agentRuns.health(alice, 'summarize-reports');
    expect(health).toMatchObject({ healthy: false, tools: { available: false, missing: ['no_such_tool'] } });
  });

  it('does not match another user’s private agents', async () => {
    const { items } = await testApp.app.agentCoop.match(bob, { goal: 'Summarize this long report' });
    expect(items.map((item) => item.name)).not.toContain('shortener');
  });

  it('hands each part of a goal to the matching agent, each hand-off a run and an acknowledged message', async () => {
    const coordination = await testApp.app.agentCoop.coordinator.coordinate(alice, {
      goal: 'Summarize the quarterly report. Translate the summary into French.',
    });
    expect(coordination.status).toBe('succeeded');
    expect(coordination.parts.map((part) => [part.agent, part.status])).toEqual([
      ['shortener', 'succeeded'],
      ['polyglot', 'succeeded'],
    ]);
    for (const part of coordination.parts) {
      const message = await testApp.app.agentCoop.mailbox.get(alice, part.message_id ?? '');
      expect(message).toMatchObject({ status: 'acked', correlation_id: coordination.correlation_id });
    }
    expect(coordination.report).toContain('shortener');
    // The agent whose tools are down was never handed a part; the report says so.
    expect(coordination.unavailable.map((agent) => agent.name)).toEqual(['summarize-reports']);
    expect(coordination.report).toContain('summarize-reports left out: Tools not available: no_such_tool');
    // A record its owner reads afterwards; nobody else finds it.
    expect(await testApp.app.agentCoop.coordinator.get(alice, coordination.id)).toEqual(coordination);
    expect((await testApp.app.agentCoop.coordinator.list(alice)).items.map((item) => item.id)).toEqual([
      coordination.id,
    ]);
    await expect(testApp.app.agentCoop.coordinator.get(bob, coordination.id)).rejects.toMatchObject({
      code: 'AGENT_COORDINATION_NOT_FOUND',
    });
    expect((await testApp.app.agentCoop.coordinator.list(bob)).items).toEqual([]);
  }, 120_000);
});
