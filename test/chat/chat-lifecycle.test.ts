import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { chatRuns } from '../../src/modules/chat/table.js';
import { readSse, restOfText, streamedText, uiChunks } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

const longText = Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ');

describe('a reply that is stopped, dropped or resumed', () => {
  let harness: ChatHarness;
  const alice = () => actingAs({ userId: harness.userIds.alice, role: 'user', via: 'chat' });
  const conversations = () => harness.testApp.app.conversations;

  /** Polls the stored reply until it leaves "streaming". */
  async function settled(messageId: string) {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const message = await conversations().message(alice(), messageId);
      if (message.status !== 'streaming') return message;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the reply never settled');
  }

  /** Starts a slow reply and reads its first `count` events. */
  async function startSlowReply(count: number, abort = new AbortController()) {
    harness.model.script({ text: longText, delayMs: 20 });
    const response = await harness.chat(
      'alice',
      { message: 'Tell me a long story' },
      { signal: abort.signal },
    );
    const events: { id: string | undefined; chunk: Record<string, unknown> }[] = [];
    const reader = readSse(response);
    while (events.length < count) {
      const next = await reader.next();
      if (next.done) break;
      events.push({ id: next.value.id, chunk: JSON.parse(next.value.data) as Record<string, unknown> });
    }
    return { events, abort, reader, replyId: events[0]?.chunk.messageId as string };
  }

  beforeAll(async () => {
    // No sweep during the file (a tick is a third of the lease): a stalled run meets its end alone.
    harness = await startChatHarness({ chatReconnectGraceMs: '300', chatReplyLeaseMs: '600000' });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.model.requests.length = 0;
  });

  it('keeps the user message and the partial reply, marked interrupted, when the client goes away', async () => {
    const { abort, replyId } = await startSlowReply(8);
    abort.abort();
    const reply = await settled(replyId);
    expect(reply.status).toBe('interrupted');
    const text = reply.parts.find((part) => part.type === 'text');
    expect(text?.type === 'text' && text.text.length).toBeGreaterThan(0);
    expect(text?.type === 'text' && text.text.length).toBeLessThan(longText.length);
    const branch = await conversations().activeBranch(alice(), reply.conversation_id, {});
    expect(branch[0]).toMatchObject({
      role: 'user',
      parts: [{ type: 'text', text: 'Tell me a long story' }],
    });
  });

  it('stops a reply on request, keeping what it had', async () => {
    const { abort, replyId } = await startSlowReply(5);
    const stopped = await harness.request('alice', `/api/v1/chat/${replyId}/stop`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    const body = (await stopped.json()) as { status: string; parts: { type: string; text?: string }[] };
    expect(body.status).toBe('interrupted');
    expect(body.parts[0]?.text?.length).toBeGreaterThan(0);
    abort.abort();
  });

  it('resumes the stream for a client that reconnects, from its last event and without repeats', async () => {
    const first = await startSlowReply(10);
    const lastSeen = first.events.at(-1)?.id;
    first.abort.abort();
    const conversationId = (await conversations().message(alice(), first.replyId)).conversation_id;

    const resumed = await harness.request('alice', `/api/v1/chat/${conversationId}/stream`, {
      headers: { 'last-event-id': String(lastSeen) },
    });
    expect(resumed.status).toBe(200);
    const rest = await uiChunks(resumed);
    const text = streamedText([...first.events.map((event) => event.chunk), ...rest]);
    expect(text).toBe(longText);
    expect(lastSeen).toBe(`${first.replyId}:10`);
    expect((await settled(first.replyId)).status).toBe('complete');

    const after = await harness.request('alice', `/api/v1/chat/${conversationId}/stream`);
    expect(after.status).toBe(204);
  });

  it('lets no one else resume, stop or continue the conversation', async () => {
    const { abort, replyId } = await startSlowReply(3);
    const conversationId = (await conversations().message(alice(), replyId)).conversation_id;
    const resume = await harness.request('bob', `/api/v1/chat/${conversationId}/stream`);
    const stop = await harness.request('bob', `/api/v1/chat/${replyId}/stop`, { method: 'POST' });
    const post = await harness.chat(
      'bob',
      { conversation_id: conversationId, message: 'hi' },
      { json: true },
    );
    expect([resume.status, stop.status, post.status]).toEqual([404, 404, 404]);
    expect((await post.json()) as object).toMatchObject({ error: { code: 'CONVERSATION_NOT_FOUND' } });
    abort.abort();
    expect((await settled(replyId)).status).toBe('interrupted');
  });

  it('stops the reply when its conversation is deleted', async () => {
    const { reader, replyId } = await startSlowReply(5);
    const conversationId = (await conversations().message(alice(), replyId)).conversation_id;
    const deleted = await harness.request('alice', `/api/v1/conversations/${conversationId}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect((await restOfText(reader)).length).toBeLessThan(longText.length);
  });

  it('answers CHAT_BUSY while a reply is being written in the conversation', async () => {
    const { abort, replyId } = await startSlowReply(3);
    const conversationId = (await conversations().message(alice(), replyId)).conversation_id;
    const second = await harness.chat(
      'alice',
      { conversation_id: conversationId, message: 'and?' },
      { json: true },
    );
    expect(second.status).toBe(409);
    expect((await second.json()) as object).toMatchObject({ error: { code: 'CHAT_BUSY' } });
    abort.abort();
    await settled(replyId);
  });

  it('interrupts a reply that outlived its lease when its run ends, and frees the conversation', async () => {
    const { abort, replyId } = await startSlowReply(3);
    const conversationId = (await conversations().message(alice(), replyId)).conversation_id;
    // As if the run stalled past its lease and no sweep has come by yet.
    const { db } = harness.testApp.app.database;
    await db.execute(
      sql`update chat_runs set lease_expires_at = now() - interval '1 second' where conversation_id = ${conversationId}`,
    );
    abort.abort();
    expect((await settled(replyId)).status).toBe('interrupted');
    const claims = await db.select().from(chatRuns).where(eq(chatRuns.conversationId, conversationId));
    expect(claims).toHaveLength(0);
    harness.model.script({ text: 'Still here.' });
    const next = await harness.chat(
      'alice',
      { conversation_id: conversationId, message: 'still there?' },
      { json: true },
    );
    expect(next.status).toBe(200);
  });
});
