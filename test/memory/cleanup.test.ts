import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const day = 24 * 60 * 60 * 1000;

describe('memory cleanup, compression and analytics', () => {
  let testApp: TestApp;
  let alice: UserActor;
  let bob: UserActor;
  let now = new Date('2026-06-01T09:00:00Z');
  const memories = () => testApp.app.memories;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { clock: { now: () => now } });
    alice = actingAs({
      userId: (await seedUser(testApp.app, { email: 'alice@example.com' })).id,
      role: 'user',
    });
    bob = actingAs({ userId: (await seedUser(testApp.app, { email: 'bob@example.com' })).id, role: 'user' });
  }, 120_000);
  afterAll(() => testApp.close());

  it('keeps the same fact once, with the higher importance and both sets of tags', async () => {
    const first = await memories().remember(alice, {
      text: 'My manager is Dana.',
      importance: 2,
      tags: ['work'],
    });
    const again = await memories().remember(alice, {
      text: 'my manager is  dana',
      importance: 4,
      tags: ['people'],
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ text: 'My manager is Dana.', importance: 4, tags: ['work', 'people'] });
  });

  it('merges memories that came to say the same fact, deleting only the duplicates, when the user asks', async () => {
    const tea = await memories().remember(alice, { text: 'I like green tea', importance: 2, tags: ['a'] });
    const coffee = await memories().remember(alice, { text: 'I like coffee', importance: 5, tags: ['b'] });
    await memories().update(alice, coffee.id, { text: 'I like GREEN tea!' });
    expect(await memories().mergeDuplicates(bob)).toEqual({ merged: 0, kept: [] });
    const result = await memories().mergeDuplicates(alice);
    expect(result.merged).toBe(1);
    expect(result.kept).toEqual([expect.objectContaining({ id: tea.id, importance: 5, tags: ['a', 'b'] })]);
    await expect(memories().get(alice, coffee.id)).rejects.toMatchObject({ code: 'MEMORY_NOT_FOUND' });
  });

  it('archives what was neither used nor changed for the set number of days, and never deletes it', async () => {
    const stale = await memories().remember(alice, { text: 'The spare key is under the blue flowerpot' });
    const used = await memories().remember(alice, { text: 'The garage code is 4417' });
    now = new Date(now.getTime() + 100 * day);
    const recalled = await memories().recall(alice, { query: 'what is the garage code?', tokenBudget: 200 });
    expect(recalled.memories.map((memory) => memory.id)).toContain(used.id);
    const archived = await memories().archiveUnused({ before: new Date(now.getTime() - 50 * day) });
    expect(archived).toBeGreaterThanOrEqual(1);
    expect((await memories().get(alice, stale.id)).archived_at).toBe(now.toISOString());
    expect((await memories().get(alice, used.id)).archived_at).toBeNull();
    const search = await memories().search(alice, { query: 'spare key flowerpot' });
    expect(search.map((memory) => memory.id)).not.toContain(stale.id);
    const archivedList = await memories().list(alice, { status: 'archived' });
    expect(archivedList.items.map((memory) => memory.id)).toContain(stale.id);
    await memories().unarchive(alice, stale.id);
    expect((await memories().search(alice, { query: 'spare key flowerpot' }))[0]?.id).toBe(stale.id);
  });

  it('does not let another user see, change, archive or forget a memory', async () => {
    const secret = await memories().remember(alice, { text: 'My bank PIN hint is my first dog' });
    for (const attempt of [
      () => memories().get(bob, secret.id),
      () => memories().update(bob, secret.id, { importance: 1 }),
      () => memories().archive(bob, secret.id),
      () => memories().forget(bob, secret.id),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: 'MEMORY_NOT_FOUND' });
    expect(await memories().search(bob, { query: 'bank PIN hint dog' })).toEqual([]);
    expect(
      (await memories().recall(bob, { query: 'bank PIN hint', tokenBudget: 500 })).prompt,
    ).toBeUndefined();
  });

  it('compresses a conversation into one summary memory with the offline summarizer', async () => {
    const { conversation, messages } = await testApp.app.conversations.start(alice, {
      messages: [
        {
          role: 'user',
          parts: [{ type: 'text', text: 'We are planning the move to Lisbon in March.' }],
          status: 'complete',
        },
        {
          role: 'assistant',
          parts: [{ type: 'text', text: 'Noted. The movers are booked for the 14th.' }],
          status: 'complete',
        },
        {
          role: 'user',
          parts: [{ type: 'text', text: 'The new flat is in Alfama, near the castle.' }],
          status: 'complete',
        },
        {
          role: 'assistant',
          parts: [{ type: 'text', text: 'I will keep the Alfama address for the forms.' }],
          status: 'complete',
        },
      ],
    });
    const summary = await memories().compressConversation(alice, { conversation_id: conversation.id });
    expect(summary.text).toMatch(/^Conversation summary: /);
    expect(summary.text.length).toBeLessThanOrEqual(2000);
    expect(summary.tags).toContain('conversation-summary');
    expect(summary.source).toEqual({ kind: 'message', id: messages.at(-1)?.id });
    await expect(
      memories().compressConversation(bob, { conversation_id: conversation.id }),
    ).rejects.toMatchObject({
      code: 'CONVERSATION_NOT_FOUND',
    });
  });

  it('reports counts, growth per day, the most used and the recall hit rate', async () => {
    await memories().recall(alice, { query: 'zebra quantum xylophone', tokenBudget: 200 });
    const figures = await memories().analytics(alice, { days: 365 });
    // The manager and the tea went unused past the archive cut-off in the test before.
    expect(figures).toMatchObject({ active: 4, archived: 2 });
    expect(figures.growth.reduce((sum, entry) => sum + entry.created, 0)).toBe(6);
    expect(figures.most_used[0]?.text).toBe('The garage code is 4417');
    expect(figures.recalls).toBe(2);
    expect(figures.recall_hits).toBe(1);
    expect(figures.recall_hit_rate).toBe(0.5);
    expect((await memories().analytics(bob)).recalls).toBe(1);
  });
});
