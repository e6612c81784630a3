import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

describe('agent runs recall memories into their system prompt', () => {
  let testApp: TestApp;
  let model: FakeModelServer;
  let alice: UserActor;

  beforeAll(async () => {
    model = await startFakeModelServer();
    testApp = await buildTestApp('postgres', {
      engine: true,
      settings: { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl },
    });
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
  }, 180_000);
  afterAll(async () => {
    await testApp?.close();
    await model?.close();
  });

  /** The system prompt of the model's first request for a run of `agent` asked `input`. */
  async function systemPromptOf(agent: string, input: string): Promise<string> {
    model.script({ text: 'Noted.' });
    const before = model.requests.length;
    const answer = await testApp.app.agentRuns.ask(alice, agent, input);
    expect(answer.status).toBe('succeeded');
    const first = model.requests.slice(before)[0]?.messages[0];
    expect(first?.role).toBe('system');
    return String(first?.content);
  }

  it('gives an agent with memory.read its own agent-scope memories, not the user’s', async () => {
    const { agents, memories } = testApp.app;
    const agent = await agents.create(alice, {
      name: 'travel-planner',
      description: 'Plans trips',
      instructions: 'You plan trips.',
      memory: { read: true, write: false, scope: 'agent' },
    });
    const own = await memories.remember(alice, {
      text: 'Alice prefers aisle seats on long flights',
      scope: 'agent',
      scope_id: agent.id,
    });
    await memories.remember(alice, { text: 'Alice prefers window seats on flights to Lisbon' });
    const system = await systemPromptOf('travel-planner', 'Book flights for the trip: which seats?');
    expect(system.startsWith('You plan trips.')).toBe(true);
    expect(system).toContain(`[${own.id}] Alice prefers aisle seats on long flights`);
    expect(system).not.toContain('window seats');
    expect((await memories.get(alice, own.id)).used_count).toBe(1);
  });

  it('gives an agent whose memory scope is the user the user’s own memories', async () => {
    const { agents, memories } = testApp.app;
    await agents.create(alice, {
      name: 'assistant-with-memory',
      description: 'Knows the user',
      instructions: 'You help Alice.',
      memory: { read: true, write: false, scope: 'user' },
    });
    const mine = await memories.remember(alice, { text: 'My manager is Dana Whitfield' });
    const system = await systemPromptOf('assistant-with-memory', 'Draft a note to my manager');
    expect(system).toContain(`[${mine.id}] My manager is Dana Whitfield`);
  });

  it('recalls nothing for an agent without memory.read', async () => {
    await testApp.app.agents.create(alice, {
      name: 'forgetful',
      description: 'Has no memory',
      instructions: 'You write notes.',
    });
    expect(await systemPromptOf('forgetful', 'Draft a note to my manager')).toBe('You write notes.');
  });
});
