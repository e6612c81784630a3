import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { killChildren, startBuiltServer } from '../helpers/child-process.js';
import { readSse, restOfText, streamedText, uiChunks } from '../helpers/sse.js';
import { postgresAvailable } from '../helpers/test-database.js';
import { type ChatInstances, type RemoteInstance, startChatInstances } from './chat-instances.js';

const longText = Array.from({ length: 150 }, (_, index) => `word${index}`).join(' ');
const leaseMs = 3_000;
/** Long enough for A to hear B's first "watch" on a loaded machine; the story takes longer. */
const graceMs = 1_500;

type Event = { id: string | undefined; chunk: Record<string, unknown> };

/**
 * Two instances on one Postgres, as behind a load balancer without sticky sessions: a reply
 * started on A is stopped and resumed through B, the conversation is busy on both while it is
 * written, and when the instance writing a reply dies the other one interrupts it.
 */
describe.runIf(postgresAvailable)('chat replies across instances on one Postgres', () => {
  let instances: ChatInstances;
  const alice = () => actingAs({ userId: instances.userIds.alice, role: 'user', via: 'chat' });
  const conversations = () => instances.b.app.conversations;

  /** Polls the stored reply (through B) until it leaves "streaming". */
  async function settled(messageId: string) {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const message = await conversations().message(alice(), messageId);
      if (message.status !== 'streaming') return message;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the reply never settled');
  }

  /** Starts a slow reply on an instance and reads its first `count` events. */
  async function startSlowReply(
    on: RemoteInstance,
    count: number,
    { body = {}, text = longText, delayMs = 20 }: { body?: object; text?: string; delayMs?: number } = {},
  ) {
    instances.model.script({ text, delayMs });
    const abort = new AbortController();
    const response = await on.chat(
      'alice',
      { message: 'Tell me a long story', ...body },
      { signal: abort.signal },
    );
    expect(response.status).toBe(200);
    const events: Event[] = [];
    const reader = readSse(response);
    while (events.length < count) {
      const next = await reader.next();
      if (next.done) break;
      events.push({ id: next.value.id, chunk: JSON.parse(next.value.data) as Record<string, unknown> });
    }
    const replyId = events[0]?.chunk.messageId as string;
    const conversationId = (await conversations().message(alice(), replyId)).conversation_id;
    return { events, abort, reader, replyId, conversationId };
  }

  beforeAll(async () => {
    instances = await startChatInstances({
      chatReconnectGraceMs: String(graceMs),
      chatReplyLeaseMs: String(leaseMs),
    });
  });
  afterAll(async () => {
    killChildren();
    await instances?.close();
  });

  it('stops from B a reply written on A, keeping what it had', async () => {
    const { reader, replyId } = await startSlowReply(instances.a, 5);
    const stopped = await instances.b.request('alice', `/api/v1/chat/${replyId}/stop`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    const body = (await stopped.json()) as { status: string; parts: { type: string; text?: string }[] };
    expect(body.status).toBe('interrupted');
    expect(body.parts[0]?.text?.length).toBeGreaterThan(0);
    // A's own client sees the reply end, short of the whole story.
    expect((await restOfText(reader)).length).toBeLessThan(longText.length);
  });

  it('resumes on B a reply written on A, from the last event, with the same ids, after A’s client left', async () => {
    const first = await startSlowReply(instances.a, 10);
    const lastSeen = first.events.at(-1)?.id;
    expect(lastSeen).toBe(`${first.replyId}:10`);
    const resumed = await instances.b.request('alice', `/api/v1/chat/${first.conversationId}/stream`, {
      headers: { 'last-event-id': String(lastSeen) },
    });
    expect(resumed.status).toBe(200);
    // A's client goes away; B's reader keeps the reply going past A's grace.
    first.abort.abort();
    const rest: Event[] = [];
    for await (const event of readSse(resumed)) {
      if (event.data === '[DONE]') break;
      rest.push({ id: event.id, chunk: JSON.parse(event.data) as Record<string, unknown> });
    }
    expect(rest.map((event) => event.id)).toEqual(rest.map((_, index) => `${first.replyId}:${index + 11}`));
    const text = streamedText([...first.events, ...rest].map((event) => event.chunk));
    expect(text).toBe(longText);
    expect(rest.at(-1)?.chunk).toMatchObject({ type: 'finish', messageMetadata: { status: 'complete' } });
    expect((await settled(first.replyId)).status).toBe('complete');

    const after = await instances.b.request('alice', `/api/v1/chat/${first.conversationId}/stream`);
    expect(after.status).toBe(204);
  });

  it('resumes on B from the start when the client names no event', async () => {
    const first = await startSlowReply(instances.a, 3);
    const resumed = await instances.b.request('alice', `/api/v1/chat/${first.conversationId}/stream`);
    expect(resumed.status).toBe(200);
    first.abort.abort();
    const chunks = await uiChunks(resumed);
    expect(chunks[0]).toMatchObject({ type: 'start', messageId: first.replyId });
    expect(streamedText(chunks)).toBe(longText);
  });

  it('resumes on B a reply that goes on after an approval, reading the new run’s log, not the first one’s', async () => {
    const task = await instances.a.app.tasks.add(alice(), { title: 'Old chore' });
    instances.model.script({ toolCalls: [{ name: 'delete_task', arguments: { task_id: task.id } }] });
    const asked = await uiChunks(await instances.a.chat('alice', { message: 'delete the old chore' }));
    const request = asked.find((chunk) => chunk.type === 'tool-approval-request');
    expect(asked.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'awaiting_approval' } });
    const replyId = asked[0]?.messageId as string;
    const { conversation_id } = await conversations().message(alice(), replyId);

    // Within the minute the first run's log is kept: the second run numbers its chunks from 1 too.
    const approval = { conversation_id, approvals: [{ approval_id: request?.approvalId, approved: true }] };
    const first = await startSlowReply(instances.a, 5, { body: { ...approval, message: undefined } });
    expect(first.replyId).toBe(replyId);
    const resumed = await instances.b.request('alice', `/api/v1/chat/${conversation_id}/stream`, {
      headers: { 'last-event-id': String(first.events.at(-1)?.id) },
    });
    expect(resumed.status).toBe(200);
    first.abort.abort();
    const rest = await uiChunks(resumed);
    const text = streamedText([...first.events.map((event) => event.chunk), ...rest]);
    expect(text).toBe(longText);
    expect(rest.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'complete' } });
    expect((await settled(replyId)).status).toBe('complete');
  });

  it('interrupts, on a stop from B, a reply whose dead instance had not yet named it on its claim', async () => {
    instances.model.script({ text: 'Hello.' });
    const answered = (await (
      await instances.a.chat('alice', { message: 'hello' }, { json: true })
    ).json()) as { conversation_id: string; message_id: string };
    // An instance died between storing the turn and naming the reply on its claim.
    const { db } = instances.b.app.database;
    await db.execute(sql`update messages set status = 'streaming' where id = ${answered.message_id}`);
    await db.execute(sql`
      insert into chat_runs (conversation_id, run_id, reply_id, process_id, lease_expires_at)
      values (${answered.conversation_id}, 'run-of-a-dead-process', null, 'dead', now() - interval '1 second')`);
    const stopped = await instances.b.request('alice', `/api/v1/chat/${answered.message_id}/stop`, {
      method: 'POST',
    });
    expect(stopped.status).toBe(200);
    expect(((await stopped.json()) as { status: string }).status).toBe('interrupted');
    // The claim is reaped with it: the conversation takes a new message.
    instances.model.script({ text: 'Again.' });
    const next = await instances.b.chat(
      'alice',
      { conversation_id: answered.conversation_id, message: 'again' },
      { json: true },
    );
    expect(next.status).toBe(200);
  });

  it('answers CHAT_BUSY on either instance while a reply is written, and lets no one else in', async () => {
    const { abort, replyId, conversationId } = await startSlowReply(instances.a, 3);
    for (const on of [instances.a, instances.b]) {
      const second = await on.chat(
        'alice',
        { conversation_id: conversationId, message: 'and?' },
        { json: true },
      );
      expect(second.status).toBe(409);
      expect((await second.json()) as object).toMatchObject({ error: { code: 'CHAT_BUSY' } });
    }
    const resume = await instances.b.request('bob', `/api/v1/chat/${conversationId}/stream`);
    const stop = await instances.b.request('bob', `/api/v1/chat/${replyId}/stop`, { method: 'POST' });
    expect([resume.status, stop.status]).toEqual([404, 404]);
    abort.abort();
    expect((await settled(replyId)).status).toBe('interrupted');
    // Nothing of the refused messages was stored: the question and its reply only.
    const branch = await conversations().activeBranch(alice(), conversationId, {});
    expect(branch.map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('lets exactly one of two messages sent at once to A and B through', async () => {
    for (let round = 0; round < 3; round += 1) {
      const quick = await instances.a.chat('alice', { message: 'hello' }, { json: true });
      const { conversation_id: conversationId } = (await quick.json()) as { conversation_id: string };
      instances.model.script({ text: longText, delayMs: 20 });
      const abort = new AbortController();
      const answers = await Promise.all(
        [instances.a, instances.b].map((on) =>
          on.chat('alice', { conversation_id: conversationId, message: 'race' }, { signal: abort.signal }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      abort.abort();
      const branch = await conversations().activeBranch(alice(), conversationId, {});
      expect(branch.filter((message) => message.role === 'user')).toHaveLength(2);
      const reply = branch.at(-1);
      if (reply) await settled(reply.id);
    }
  });

  it('stops a reply whose lease ran out (a stall) at its next renewal and leaves its interrupted reply alone', async () => {
    const { abort, reader, replyId, conversationId } = await startSlowReply(instances.a, 3);
    // As if A stalled past its lease: the next sweep (of either instance) reaps the claim.
    await instances.b.app.database.db.execute(
      sql`update chat_runs set lease_expires_at = now() - interval '1 second' where conversation_id = ${conversationId}`,
    );
    const reply = await settled(replyId);
    expect(reply.status).toBe('interrupted');
    // A's run stops at its next renewal: its client's stream ends short of the story, and the
    // interrupted reply is not overwritten by the run's final save.
    const rest: string[] = [];
    for (let next = await reader.next(); !next.done; next = await reader.next()) rest.push(next.value.data);
    expect(rest.at(-1)).toBe('[DONE]');
    expect((await conversations().message(alice(), replyId)).status).toBe('interrupted');
    abort.abort();
  });

  it('interrupts, from A, the reply of an instance killed while writing it, and frees the conversation', async () => {
    const child = await startBuiltServer({
      ...instances.env,
      DATA_DIR: instances.database.dataDir,
      CHAT_REPLY_LEASE_MS: String(leaseMs),
    });
    const { replyId, conversationId } = await startSlowReply(instances.reach(child.url), 5, {
      text: Array.from({ length: 400 }, (_, index) => `w${index}`).join(' '),
      delayMs: 50,
    });
    child.child.kill('SIGKILL');
    await child.exited;
    const reply = await settled(replyId);
    expect(reply.status).toBe('interrupted');
    const again = await instances.a.chat(
      'alice',
      { conversation_id: conversationId, message: 'still there?' },
      { json: true },
    );
    expect(again.status).toBe(200);
    expect((await again.json()) as object).toMatchObject({ status: 'complete' });
  });
});
