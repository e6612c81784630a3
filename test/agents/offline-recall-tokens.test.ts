import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { tokenCounterLoaded } from '../../src/models/token-counter.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * An agent on the built-in assistant (no model configured) recalls its memories counting with the
 * assistant's estimate: the o200k tokenizer (~20 MB held for as long as the server runs) stays
 * unloaded, as for the chat (test/memory/offline-recall-tokens.test.ts).
 */
describe('memory recall for an agent on the built-in assistant', () => {
  let testApp: TestApp;
  let alice: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { engine: true, settings: { model: 'offline', models: '' } });
    alice = actingAs({
      userId: (await seedUser(testApp.app, { email: 'alice@example.com' })).id,
      role: 'user',
    });
  }, 180_000);
  afterAll(() => testApp?.close());

  it('puts the memory into the run without loading the tokenizer', async () => {
    const { agents, memories, agentRuns } = testApp.app;
    await agents.create(alice, {
      name: 'trip-helper',
      description: 'Helps with trips',
      instructions: 'You help with trips.',
      memory: { read: true, write: false, scope: 'user' },
    });
    const memory = await memories.remember(alice, { text: 'Alice prefers aisle seats on long flights' });
    const answer = await agentRuns.ask(alice, 'trip-helper', 'Which seats do I prefer on long flights?');
    expect(answer.status).toBe('succeeded');
    expect((await memories.get(alice, memory.id)).used_count).toBe(1);
    expect(tokenCounterLoaded()).toBe(false);
  });
});
