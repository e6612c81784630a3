import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { AnyBusEvent } from '../../src/bus/events.js';
import { AgentNameTakenError, AgentNotFoundError } from '../../src/modules/agents/index.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });

describe('agent definitions', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
  }, 120_000);
  afterAll(() => testApp?.close());

  it('saves an agent with its defaults filled in, as version 1, and announces it', async () => {
    const events: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('agent.*', (event) => void events.push(event));
    const agent = await testApp.app.agents.create(alice, {
      name: 'helper',
      description: 'Helps with tasks',
      instructions: 'Be brief.',
      tools: ['list_tasks'],
    });
    expect(agent).toMatchObject({
      id: expect.stringMatching(/^agt_/),
      name: 'helper',
      version: 1,
      visibility: 'private',
      builtin: false,
      is_owner: true,
      definition: {
        model: null,
        limits: { max_steps: 8, timeout_ms: 120_000 },
        memory: { read: false, write: false, scope: 'agent' },
        context: { spaces: [] },
        capabilities: [],
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.map((event) => event.type)).toEqual(['agent.created']);
    stop();
  });

  it('keeps every version; an old one can be restored as a new one', async () => {
    const agents = testApp.app.agents;
    await agents.create(alice, { name: 'versioned', description: 'First' });
    await agents.update(alice, 'versioned', { description: 'Second' });
    const third = await agents.update(alice, 'versioned', { instructions: 'Third' });
    expect(third.version).toBe(3);
    const versions = await agents.versions(alice, 'versioned');
    expect(versions.map((version) => [version.version, version.definition.description])).toEqual([
      [3, 'Second'],
      [2, 'Second'],
      [1, 'First'],
    ]);
    const restored = await agents.restore(alice, 'versioned', 1);
    expect(restored).toMatchObject({ version: 4, description: 'First', definition: { instructions: '' } });
  });

  it('refuses a second agent of the same name, and frees the name once removed', async () => {
    const agents = testApp.app.agents;
    await agents.create(alice, { name: 'twice', description: 'One' });
    await expect(agents.create(alice, { name: 'twice', description: 'Two' })).rejects.toBeInstanceOf(
      AgentNameTakenError,
    );
    await agents.remove(alice, 'twice');
    await expect(agents.get(alice, 'twice')).rejects.toBeInstanceOf(AgentNotFoundError);
    expect((await agents.create(alice, { name: 'twice', description: 'Again' })).version).toBe(1);
  });

  it('hides a private agent from another user, shows a shared one read-only', async () => {
    const agents = testApp.app.agents;
    const secret = await agents.create(alice, { name: 'secret', description: 'Private' });
    const open = await agents.create(alice, { name: 'open', description: 'Shared', visibility: 'shared' });
    await expect(agents.get(bob, secret.id)).rejects.toBeInstanceOf(AgentNotFoundError);
    await expect(agents.versions(bob, secret.id)).rejects.toBeInstanceOf(AgentNotFoundError);
    expect(await agents.get(bob, open.id)).toMatchObject({ name: 'open', is_owner: false });
    await expect(agents.update(bob, open.id, { description: 'Mine now' })).rejects.toBeInstanceOf(
      AgentNotFoundError,
    );
    await expect(agents.remove(bob, open.id)).rejects.toBeInstanceOf(AgentNotFoundError);
    const names = (await agents.list(bob, { mine: false })).items.map((agent) => agent.name);
    expect(names).toContain('open');
    expect(names).not.toContain('secret');
  });

  it('serves the same over REST, with field errors for a bad definition', async () => {
    const { app } = testApp;
    await seedUser(app, { email: 'carol@example.com' });
    const { key } = await createApiKey(app, await signIn(app, 'carol@example.com'));
    const headers = { authorization: `Bearer ${key}` };
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers,
      payload: { name: 'rest-agent', description: 'Over REST' },
    });
    expect(created.statusCode).toBe(201);
    const patched = await app.http.inject({
      method: 'PATCH',
      url: '/api/v1/agents/rest-agent',
      headers,
      payload: { description: 'Changed' },
    });
    expect(patched.json()).toMatchObject({ version: 2, description: 'Changed' });
    const versions = await app.http.inject({
      method: 'GET',
      url: '/api/v1/agents/rest-agent/versions',
      headers,
    });
    expect(versions.json().items).toHaveLength(2);
    const bad = await app.http.inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers,
      payload: { name: 'Bad Name', description: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
