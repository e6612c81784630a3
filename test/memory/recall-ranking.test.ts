import { countTokens } from 'gpt-tokenizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { recallCases, unrelatedMemories } from './recall-cases.js';

describe('memory recall ranking (full text and trigram, no embedding model)', () => {
  let testApp: TestApp;
  let alice: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres');
    const user = await seedUser(testApp.app, { email: 'alice@example.com', name: 'Alice' });
    alice = actingAs({ userId: user.id, role: 'user' });
    for (const text of unrelatedMemories()) await testApp.app.memories.remember(alice, { text });
    for (const { memory } of recallCases) await testApp.app.memories.remember(alice, { text: memory });
  }, 120_000);
  afterAll(() => testApp.close());

  it.each(recallCases)(
    'ranks “$memory” first for “$query” among 200 unrelated memories',
    async (recallCase) => {
      const found = await testApp.app.memories.search(alice, { query: recallCase.query, limit: 5 });
      expect(found[0]?.text).toBe(recallCase.memory);
    },
  );

  it('puts the relevant memory, marked with its id, into a recall within the token budget', async () => {
    const recalled = await testApp.app.memories.recall(alice, {
      query: 'who is my manager?',
      tokenBudget: 60,
    });
    expect(recalled.memories[0]?.text).toBe('My manager is Dana Whitfield');
    expect(recalled.prompt).toContain(`[${recalled.memories[0]?.id}] My manager is Dana Whitfield`);
    expect(recalled.tokens).toBeLessThanOrEqual(60);
    const again = await testApp.app.memories.get(alice, recalled.memories[0]?.id ?? '');
    expect(again.used_count).toBe(1);
    expect(again.last_used_at).not.toBeNull();
  });

  it.each([120, 200, 500])(
    'keeps a recall of many matching memories within a %i-token budget, counted with the o200k tokenizer',
    async (budget) => {
      const recalled = await testApp.app.memories.recall(alice, {
        query: 'trip planned weekends',
        tokenBudget: budget,
      });
      expect(recalled.memories.length).toBeGreaterThan(1);
      expect(recalled.tokens).toBe(countTokens(recalled.prompt ?? ''));
      expect(recalled.tokens).toBeLessThanOrEqual(budget);
      // Nearly full: another line of about 25 tokens would not have fit.
      expect(recalled.tokens).toBeGreaterThan(budget - 40);
    },
  );
});
