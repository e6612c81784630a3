import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { tokenCounterLoaded } from '../../src/models/token-counter.js';
import { estimateTokens } from '../../src/models/token-estimate.js';
import { type ChatHarness, startChatHarness } from '../chat/chat-harness.js';

/**
 * A server with no model answers with the built-in assistant, which counts no tokens: its memory
 * recall must not load the o200k tokenizer (~20 MB held for as long as the server runs).
 */
describe('memory recall for the built-in assistant', () => {
  let harness: ChatHarness;

  beforeAll(async () => {
    harness = await startChatHarness({ model: 'offline', models: '' });
  }, 120_000);
  afterAll(() => harness.close());

  it('answers from a memory without loading the tokenizer', async () => {
    const alice = actingAs({ userId: harness.userIds.alice, role: 'user' });
    const memory = await harness.testApp.app.memories.remember(alice, {
      text: 'My manager is Dana Whitfield',
    });
    const answer = (await (
      await harness.chat('alice', { message: 'who is my manager?' }, { json: true })
    ).json()) as { response: string };
    expect(answer.response).toBe(`You told me: “My manager is Dana Whitfield” [${memory.id}].`);
    expect(tokenCounterLoaded()).toBe(false);
  });

  it('fits a recall into the budget as the given counter counts it', async () => {
    const alice = actingAs({ userId: harness.userIds.alice, role: 'user' });
    for (const place of ['Lisbon', 'Porto', 'Madrid', 'Seville', 'Granada', 'Valencia'])
      await harness.testApp.app.memories.remember(alice, { text: `We planned a weekend trip to ${place}` });
    const recalled = await harness.testApp.app.memories.recall(alice, {
      query: 'weekend trip planned',
      tokenBudget: 100,
      countTokens: estimateTokens,
    });
    expect(recalled.memories.length).toBeGreaterThan(1);
    expect(recalled.memories.length).toBeLessThan(6);
    expect(recalled.tokens).toBe(estimateTokens(recalled.prompt ?? ''));
    expect(recalled.tokens).toBeLessThanOrEqual(100);
    expect(tokenCounterLoaded()).toBe(false);
  });
});
