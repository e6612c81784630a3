import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Placeholder, sql } from 'drizzle-orm';
import { seedUser } from '../../../test/helpers/identity.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { databaseKinds } from '../../../test/helpers/test-database.js';
import { actingAs, type UserActor } from '../../actor.js';
import type { AnyBusEvent } from '../../bus/events.js';
import { ConversationNotFoundError, MessageNotFoundError, MessageTooLargeError } from './errors.js';
import type { Part } from './schema.js';
import type { ConversationService } from './service.js';
import { titleFrom } from './service/title.js';
import { messages as messagesTable } from './table.js';

const actorFor = (userId: string): UserActor => actingAs({ userId, role: 'user', via: 'http' });
const text = (words: string): Part[] => [{ type: 'text', text: words }];

describe('a title from the first user message', () => {
  it('keeps a short first line whole and cuts a long one at a word boundary', () => {
    expect(titleFrom('  Plan my week\n\nMonday: gym')).toBe('Plan my week');
    const long = 'Could you help me write a friendly letter to my landlord about the broken heating';
    expect(titleFrom(long)).toBe('Could you help me write a friendly letter to my landlord…');
    expect(titleFrom('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`);
    expect(titleFrom('   ')).toBe('');
  });
});

describe.each(databaseKinds)('the conversation service on %s', (kind) => {
  let testApp: TestApp;
  let conversations: ConversationService;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp(kind);
    conversations = testApp.app.conversations;
    alice = actorFor((await seedUser(testApp.app, { email: 'alice@example.com' })).id);
    bob = actorFor((await seedUser(testApp.app, { email: 'bob@example.com' })).id);
  });
  afterAll(() => testApp.close());

  /** A conversation of alice's: user → assistant → user → assistant. */
  async function seedChat() {
    const conversation = await conversations.create(alice, {});
    const say = (role: 'user' | 'assistant', words: string) =>
      conversations.appendMessage(alice, { conversationId: conversation.id, role, parts: text(words) });
    const messages = [
      await say('user', 'What is the capital of France?'),
      await say('assistant', 'Paris.'),
      await say('user', 'And of Italy?'),
      await say('assistant', 'Rome.'),
    ];
    return { conversation, messages };
  }

  it('keeps messages as a chain, each under the active leaf, and titles the conversation from the first question', async () => {
    const events: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('message.*', (event) => void events.push(event));
    const { conversation, messages } = await seedChat();
    expect(conversation).toMatchObject({ title: '', message_count: 0, active_message_id: null });
    expect(messages.map((message) => message.parent_id)).toEqual([
      null,
      messages[0]?.id,
      messages[1]?.id,
      messages[2]?.id,
    ]);
    const stored = await conversations.get(alice, conversation.id);
    expect(stored).toMatchObject({
      title: 'What is the capital of France?',
      message_count: 4,
      active_message_id: messages[3]?.id,
    });
    expect(stored.last_message_at).not.toBeNull();
    const branch = await conversations.activeBranch(alice, conversation.id);
    expect(branch.map((message) => message.parts)).toEqual([
      text('What is the capital of France?'),
      text('Paris.'),
      text('And of Italy?'),
      text('Rome.'),
    ]);
    // Message events are published in batches, soon after the write.
    await vi.waitFor(() => {
      const created = events.filter((event) => event.type === 'message.created');
      expect(created.map((event) => event.data)).toContainEqual(
        expect.objectContaining({
          conversation_id: conversation.id,
          message_id: messages[0]?.id,
          role: 'user',
        }),
      );
    }, 10_000);
    stop();
  });

  it('gives the last messages of the branch when limited, still root-side first', async () => {
    const { conversation } = await seedChat();
    const lastTwo = await conversations.activeBranch(alice, conversation.id, { limit: 2 });
    expect(lastTwo.map((message) => message.parts)).toEqual([text('And of Italy?'), text('Rome.')]);
    expect(await conversations.activeBranch(alice, (await conversations.create(alice)).id)).toEqual([]);
  });

  it('branches on an edit and switches back to the newest leaf of the old branch', async () => {
    const { conversation, messages } = await seedChat();
    const [first, paris, italy, rome] = messages;
    const edited = await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      parentId: paris?.id,
      role: 'user',
      parts: text('And of Spain?'),
    });
    await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'assistant',
      parts: text('Madrid.'),
    });
    const active = await conversations.messages(alice, conversation.id);
    expect(active.map((message) => message.parts)).toEqual([
      text('What is the capital of France?'),
      text('Paris.'),
      text('And of Spain?'),
      text('Madrid.'),
    ]);
    expect(active[2]?.branch).toEqual({ index: 1, count: 2, sibling_ids: [italy?.id, edited.id] });
    expect(active[0]?.branch).toEqual({ index: 0, count: 1, sibling_ids: [first?.id] });

    const switched = await conversations.activate(alice, italy?.id ?? '');
    expect(switched.active_message_id).toBe(rome?.id);
    const back = await conversations.activeBranch(alice, conversation.id);
    expect(back.map((message) => message.id)).toEqual(messages.map((message) => message.id));

    const everything = await conversations.messages(alice, conversation.id, { branch: 'all' });
    expect(everything).toHaveLength(6);
    expect((await conversations.get(alice, conversation.id)).message_count).toBe(6);
  });

  it('starts a new root with a null parent and refuses a parent from another conversation', async () => {
    const { conversation } = await seedChat();
    const other = await seedChat();
    const root = await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      parts: text('Start over'),
    });
    expect(root.parent_id).toBeNull();
    expect(await conversations.activeBranch(alice, conversation.id)).toHaveLength(1);
    await expect(
      conversations.appendMessage(alice, {
        conversationId: conversation.id,
        parentId: other.messages[0]?.id,
        role: 'user',
        parts: text('Sneaky'),
      }),
    ).rejects.toBeInstanceOf(MessageNotFoundError);
    const afterwards = await conversations.activeBranch(alice, conversation.id);
    expect(afterwards.map((message) => message.id)).toEqual([root.id]);
  });

  it('streams a reply into one message and announces its completion once', async () => {
    const conversation = await conversations.create(alice, { title: 'Streaming' });
    await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'user',
      parts: text('Hi'),
    });
    const reply = await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'assistant',
      parts: [],
      status: 'streaming',
      model: 'offline',
    });
    const completions: AnyBusEvent[] = [];
    const stop = testApp.app.bus.subscribe('message.completed', (event) => void completions.push(event));
    await conversations.updateMessage(alice, reply.id, { parts: text('Hel') });
    const metrics = {
      input_tokens: 3,
      output_tokens: 2,
      time_to_first_token_ms: 10,
      total_ms: 40,
      tokens_per_second: 50,
    };
    const done = await conversations.updateMessage(alice, reply.id, {
      parts: text('Hello!'),
      status: 'complete',
      metrics,
    });
    expect(done).toMatchObject({ status: 'complete', parts: text('Hello!'), metrics, model: 'offline' });
    await conversations.updateMessage(alice, reply.id, { status: 'complete' });
    // Published with the update (awaited), unlike message.created, which is batched.
    expect(completions.map((event) => event.data)).toEqual([
      expect.objectContaining({ conversation_id: conversation.id, message_id: reply.id, status: 'complete' }),
    ]);
    expect(await conversations.message(alice, reply.id)).toEqual({ ...done, updated_at: expect.any(String) });
    expect((await conversations.get(alice, conversation.id)).title).toBe('Streaming');
    stop();
  });

  it('marks replies left streaming as interrupted', async () => {
    const conversation = await conversations.create(alice);
    const reply = await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'assistant',
      parts: text('Half a'),
      status: 'streaming',
    });
    expect(await conversations.interruptStale({ before: new Date(Date.now() - 60_000) })).toBe(0);
    expect(
      await conversations.interruptStale({ before: new Date(Date.now() + 60_000) }),
    ).toBeGreaterThanOrEqual(1);
    expect((await conversations.message(alice, reply.id)).status).toBe('interrupted');
    expect(await conversations.interruptStale({ before: new Date(Date.now() + 60_000) })).toBe(0);
  });

  it('interrupts the named replies that are still streaming, and only those', async () => {
    const conversation = await conversations.create(alice);
    const append = (status: 'streaming' | 'complete') =>
      conversations.appendMessage(alice, {
        conversationId: conversation.id,
        role: 'assistant',
        parts: text('Half a'),
        status,
      });
    const [streaming, finished, other] = [
      await append('streaming'),
      await append('complete'),
      await append('streaming'),
    ];
    expect(await conversations.interruptReplies({ messageIds: [streaming.id, finished.id] })).toEqual([
      streaming.id,
    ]);
    expect((await conversations.message(alice, streaming.id)).status).toBe('interrupted');
    expect((await conversations.message(alice, finished.id)).status).toBe('complete');
    expect((await conversations.message(alice, other.id)).status).toBe('streaming');
    expect(await conversations.interruptReplies({ messageIds: [] })).toEqual([]);
  });

  it('titles from the first user message only, never over a title already set', async () => {
    const untitled = await conversations.create(alice);
    const say = (conversationId: string, role: 'user' | 'assistant' | 'system', words: string) =>
      conversations.appendMessage(alice, { conversationId, role, parts: text(words) });
    await say(untitled.id, 'system', 'You are helpful.');
    expect((await conversations.get(alice, untitled.id)).title).toBe('');
    await say(
      untitled.id,
      'user',
      'Summarise the meeting notes from Tuesday, please, in three short bullet points',
    );
    await say(untitled.id, 'user', 'Something else');
    expect((await conversations.get(alice, untitled.id)).title).toBe(
      'Summarise the meeting notes from Tuesday, please, in three…',
    );
    const titled = await conversations.create(alice, { title: 'Mine' });
    await say(titled.id, 'user', 'Hello there');
    expect((await conversations.get(alice, titled.id)).title).toBe('Mine');
  });

  it('lists by latest activity, a page at a time, with filters; updates and deletes', async () => {
    const owner = actorFor((await seedUser(testApp.app, { email: 'carol@example.com' })).id);
    const older = await conversations.create(owner, { title: 'Older', tags: ['work'] });
    const newer = await conversations.create(owner, { title: 'Newer' });
    await conversations.appendMessage(owner, { conversationId: older.id, role: 'user', parts: text('Bump') });
    const first = await conversations.list(owner, { limit: 1 });
    expect(first.items.map((item) => item.title)).toEqual(['Older']);
    const second = await conversations.list(owner, { limit: 1, cursor: first.next_cursor ?? '' });
    expect(second.items.map((item) => item.title)).toEqual(['Newer']);
    expect(second.next_cursor).toBeNull();
    expect((await conversations.list(owner, { tag: 'work' })).items.map((item) => item.id)).toEqual([
      older.id,
    ]);
    expect((await conversations.list(owner, { query: 'NEW' })).items.map((item) => item.id)).toEqual([
      newer.id,
    ]);
    expect((await conversations.list(owner, { query: '%' })).items).toEqual([]);

    const changed = await conversations.update(owner, newer.id, {
      archived: true,
      model: 'openai:gpt-5',
      tags: ['x'],
    });
    expect(changed).toMatchObject({ archived: true, model: 'openai:gpt-5', tags: ['x'] });
    expect((await conversations.list(owner)).items.map((item) => item.id)).toEqual([older.id]);
    expect((await conversations.list(owner, { archived: true })).items.map((item) => item.id)).toEqual([
      newer.id,
    ]);

    await conversations.delete(owner, older.id);
    await expect(conversations.get(owner, older.id)).rejects.toBeInstanceOf(ConversationNotFoundError);
    expect(await conversations.exportConversations(owner, { format: 'json' })).toMatchObject({
      data: { conversations: [{ id: newer.id }] },
    });
  });

  it('finds messages by their words, best match first, with the passage marked', async () => {
    const conversation = await conversations.create(alice, { title: 'Baking' });
    await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'user',
      parts: [
        ...text('How long should sourdough bread rise before baking?'),
        { type: 'reasoning', text: 'secretword' },
      ],
    });
    await conversations.appendMessage(alice, {
      conversationId: conversation.id,
      role: 'assistant',
      parts: text('Let the sourdough rise for four to six hours; sourdough likes warmth.'),
    });
    const bobs = await conversations.create(bob);
    await conversations.appendMessage(bob, {
      conversationId: bobs.id,
      role: 'user',
      parts: text('My sourdough'),
    });

    const found = await conversations.search(alice, { query: 'sourdough' });
    expect(found.items).toHaveLength(2);
    expect(found.items[0]).toMatchObject({
      conversation_id: conversation.id,
      conversation_title: 'Baking',
      role: 'assistant',
    });
    expect(found.items[0]?.snippet).toContain('«sourdough»');
    const paged = await conversations.search(alice, { query: 'sourdough', limit: 1 });
    const rest = await conversations.search(alice, { query: 'sourdough', cursor: paged.next_cursor ?? '' });
    expect(rest.items.map((item) => item.message_id)).toEqual([found.items[1]?.message_id]);
    expect((await conversations.search(alice, { query: 'secretword' })).items).toEqual([]);
    expect((await conversations.search(bob, { query: 'rise' })).items).toEqual([]);
  });

  it('refuses a message larger than a message may be, and keeps nothing of it', async () => {
    const conversation = await conversations.create(alice);
    await expect(
      conversations.appendMessage(alice, {
        conversationId: conversation.id,
        role: 'user',
        parts: text('x'.repeat(5 * 1024 * 1024)),
      }),
    ).rejects.toBeInstanceOf(MessageTooLargeError);
    expect((await conversations.get(alice, conversation.id)).message_count).toBe(0);
  });

  it('stores a caller’s row in the statement of a new conversation, and nothing when it fails', async () => {
    const turn = {
      messages: [
        { role: 'user' as const, parts: text('Plan my week') },
        { role: 'assistant' as const, parts: [], status: 'streaming' as const },
      ],
    };
    const { db } = testApp.app.database;
    const now = new Date();
    // A row that needs the new conversation and its reply (foreign keys checked at the statement's end).
    const note = (name: string, id: (stored: { messageIds: Placeholder[] }) => Placeholder | string) => ({
      name,
      build: (stored: { conversationId: Placeholder; messageIds: Placeholder[] }) =>
        db
          .insert(messagesTable)
          .values({
            id: id(stored),
            conversationId: stored.conversationId,
            ownerId: sql.placeholder('note_owner'),
            parentId: stored.messageIds.at(-1) ?? null,
            role: 'system',
            parts: [],
            text: '',
            status: 'complete',
            createdAt: sql.placeholder('note_at'),
            updatedAt: sql.placeholder('note_at'),
          })
          .returning({ id: messagesTable.id, parentId: messagesTable.parentId }),
      values: (stored: { conversationId: string }) => ({
        note_id: `note-${stored.conversationId}`,
        note_owner: alice.userId,
        note_at: now,
      }),
    });
    const started = await conversations.start(alice, turn, {
      alsoInsert: note('test_note', () => sql.placeholder('note_id')),
      unflushed: true,
    });
    const replyId = started.messages[1]?.id;
    expect(started.also).toEqual({ id: `note-${started.conversation.id}`, parentId: replyId });
    expect(started.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(started.conversation.active_message_id).toBe(replyId);
    // A null stays SQL NULL, as an insert of the row would store it (not jsonb's JSON null).
    const jsonNulls = await db
      .select({ id: messagesTable.id })
      .from(messagesTable)
      .where(
        sql`${messagesTable.conversationId} = ${started.conversation.id} and ${messagesTable.metrics} is not null`,
      );
    expect(jsonNulls).toEqual([]);
    // The second conversation of the same shape runs the prepared statement with its own values.
    const again = await conversations.start(alice, turn, {
      alsoInsert: note('test_note', () => sql.placeholder('note_id')),
      unflushed: true,
    });
    expect(again.also).toEqual({ id: `note-${again.conversation.id}`, parentId: again.messages[1]?.id });
    expect(again.messages.map((message) => message.parts)).toEqual(
      turn.messages.map((message) => message.parts),
    );

    let failedId = '';
    const taken = note('test_note_reply_id', (stored) => stored.messageIds.at(-1) ?? '');
    await expect(
      conversations.start(alice, turn, {
        // The caller's row takes the reply's id: the whole statement fails.
        alsoInsert: {
          ...taken,
          values: (stored) => {
            failedId = stored.conversationId;
            return taken.values(stored);
          },
        },
      }),
    ).rejects.toThrow();
    expect(failedId).not.toBe('');
    await expect(conversations.get(alice, failedId)).rejects.toBeInstanceOf(ConversationNotFoundError);
  });

  it('does not let another user see, use or change a conversation or its messages', async () => {
    const { conversation, messages } = await seedChat();
    const messageId = messages[1]?.id ?? '';
    const id = conversation.id;
    const hidden = [
      () => conversations.get(bob, id),
      () => conversations.update(bob, id, { title: 'Mine now' }),
      () => conversations.delete(bob, id),
      () => conversations.activeBranch(bob, id),
      () => conversations.messages(bob, id, { branch: 'all' }),
      () => conversations.appendMessage(bob, { conversationId: id, role: 'user', parts: text('Hello?') }),
      () => conversations.exportConversations(bob, { conversationId: id, format: 'markdown' }),
    ];
    for (const attempt of hidden) await expect(attempt()).rejects.toBeInstanceOf(ConversationNotFoundError);
    const hiddenMessages = [
      () => conversations.message(bob, messageId),
      () => conversations.updateMessage(bob, messageId, { parts: text('Overwritten') }),
      () => conversations.activate(bob, messageId),
    ];
    for (const attempt of hiddenMessages)
      await expect(attempt()).rejects.toBeInstanceOf(MessageNotFoundError);
    const own = await conversations.create(bob);
    await expect(
      conversations.appendMessage(bob, {
        conversationId: own.id,
        parentId: messageId,
        role: 'user',
        parts: text('x'),
      }),
    ).rejects.toBeInstanceOf(MessageNotFoundError);
    const bobsList = (await conversations.list(bob)).items.map((item) => item.id);
    expect(bobsList).toContain(own.id);
    expect(bobsList).not.toContain(id);
    expect((await conversations.search(bob, { query: 'Paris' })).items).toEqual([]);
    const everything = await conversations.exportConversations(bob, { format: 'json' });
    expect(JSON.stringify(everything)).not.toContain('Paris');
    expect((await conversations.message(alice, messageId)).parts).toEqual(text('Paris.'));
    expect((await conversations.get(alice, id)).message_count).toBe(4);
  });
});
