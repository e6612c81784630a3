import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import type { Part } from '../../src/modules/conversations/index.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const chatGptExport: object[] = JSON.parse(
  fs.readFileSync(new URL('../fixtures/chatgpt-conversations.json', import.meta.url), 'utf8'),
);
const text = (words: string): Part[] => [{ type: 'text', text: words }];
const textsOf = (messages: { parts: Part[] }[]) =>
  messages.map((message) =>
    message.parts.map((part) => (part.type === 'text' ? part.text : part.type)).join(' '),
  );

describe('conversations over REST', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let bob: ReturnType<typeof as>;
  let aliceActor: UserActor;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { settings: { bodyLimit: '2048', uploadLimit: '1048576' } });
    const user = await seedUser(testApp.app, { email: 'alice@example.com' });
    await seedUser(testApp.app, { email: 'bob@example.com' });
    aliceActor = actingAs({ userId: user.id, role: 'user', via: 'http' });
    alice = as(testApp.app, { cookie: await signIn(testApp.app, 'alice@example.com') });
    bob = as(testApp.app, { cookie: await signIn(testApp.app, 'bob@example.com') });
  });
  afterAll(() => testApp.close());

  /** A conversation with a question, an answer and a tool call, through the service (the chat loop's way in). */
  async function seedChat(title: string, question: string) {
    const created = await alice({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { title, tags: ['travel'] },
    });
    const { id } = created.json();
    const conversations = testApp.app.conversations;
    await conversations.appendMessage(aliceActor, {
      conversationId: id,
      role: 'user',
      parts: text(question),
    });
    await conversations.appendMessage(aliceActor, {
      conversationId: id,
      role: 'assistant',
      model: 'offline',
      parts: [
        {
          type: 'tool',
          tool_call_id: 'call-1',
          tool: 'add_task',
          input: { title: 'Book a hotel' },
          state: 'success',
          output: { id: 'task-1' },
          duration_ms: 12,
        },
        ...text('I added a task to book a hotel.'),
      ],
    });
    return id as string;
  }

  it('creates, lists, filters, renames, pins, archives and deletes conversations', async () => {
    const first = await seedChat('Weekend in Porto', 'What to do in Porto?');
    const second = await seedChat('Recipes', 'How do I bake bread?');
    const listed = await alice({ method: 'GET', url: '/api/v1/conversations?limit=1' });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([second]);
    const next = await alice({
      method: 'GET',
      url: `/api/v1/conversations?limit=1&cursor=${listed.json().next_cursor}`,
    });
    expect(next.json().items.map((item: { id: string }) => item.id)).toEqual([first]);

    const pinned = await alice({
      method: 'PATCH',
      url: `/api/v1/conversations/${first}`,
      payload: { pinned: true, title: 'Porto' },
    });
    expect(pinned.json()).toMatchObject({ pinned: true, title: 'Porto', tags: ['travel'], message_count: 2 });
    const onlyPinned = await alice({ method: 'GET', url: '/api/v1/conversations?pinned=true' });
    expect(onlyPinned.json().items.map((item: { id: string }) => item.id)).toEqual([first]);
    const byTitle = await alice({ method: 'GET', url: '/api/v1/conversations?query=recip' });
    expect(byTitle.json().items.map((item: { id: string }) => item.id)).toEqual([second]);

    await alice({ method: 'PATCH', url: `/api/v1/conversations/${second}`, payload: { archived: true } });
    const active = await alice({ method: 'GET', url: '/api/v1/conversations' });
    expect(active.json().items.map((item: { id: string }) => item.id)).not.toContain(second);
    const archived = await alice({ method: 'GET', url: '/api/v1/conversations?archived=true' });
    expect(archived.json().items.map((item: { id: string }) => item.id)).toEqual([second]);

    const empty = await alice({ method: 'PATCH', url: `/api/v1/conversations/${second}`, payload: {} });
    expect(empty.json().error.code).toBe('INVALID_INPUT');
    const badCursor = await alice({ method: 'GET', url: '/api/v1/conversations?cursor=nonsense' });
    expect(badCursor.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'cursor' });

    expect((await alice({ method: 'DELETE', url: `/api/v1/conversations/${second}` })).statusCode).toBe(204);
    const gone = await alice({ method: 'GET', url: `/api/v1/conversations/${second}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('CONVERSATION_NOT_FOUND');
    expect((await bob({ method: 'GET', url: '/api/v1/conversations' })).json().items).toEqual([]);
  });

  it('lists the active branch or the whole tree, and switches branches', async () => {
    const id = await seedChat('Branches', 'Tell me a joke');
    const before = (await alice({ method: 'GET', url: `/api/v1/conversations/${id}/messages` })).json().items;
    const [question] = before;
    const edit = await testApp.app.conversations.appendMessage(aliceActor, {
      conversationId: id,
      parentId: null,
      role: 'user',
      parts: text('Tell me a riddle'),
    });
    const active = (await alice({ method: 'GET', url: `/api/v1/conversations/${id}/messages` })).json().items;
    expect(textsOf(active)).toEqual(['Tell me a riddle']);
    expect(active[0].branch).toEqual({ index: 1, count: 2, sibling_ids: [question.id, edit.id] });

    const switched = await alice({
      method: 'POST',
      url: `/api/v1/conversations/${id}/messages/${question.id}/activate`,
    });
    expect(switched.json().active_message_id).toBe(before[1].id);
    const all = (
      await alice({ method: 'GET', url: `/api/v1/conversations/${id}/messages?branch=all` })
    ).json().items;
    expect(all).toHaveLength(3);

    const elsewhere = await seedChat('Elsewhere', 'Hello');
    const wrong = await alice({
      method: 'POST',
      url: `/api/v1/conversations/${elsewhere}/messages/${question.id}/activate`,
    });
    expect(wrong.json().error.code).toBe('MESSAGE_NOT_FOUND');
  });

  it('finds words in messages with the matching passage marked', async () => {
    await seedChat('Gardening', 'When should I plant tomatoes in a sunny greenhouse?');
    const found = await alice({ method: 'GET', url: '/api/v1/conversations/search?query=tomatoes' });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([
      expect.objectContaining({
        conversation_title: 'Gardening',
        role: 'user',
        snippet: expect.stringContaining('«tomatoes»'),
      }),
    ]);
    expect(
      (await bob({ method: 'GET', url: '/api/v1/conversations/search?query=tomatoes' })).json().items,
    ).toEqual([]);
  });

  it('exports one conversation as Markdown with the tool call readable, and all as JSON', async () => {
    const id = await seedChat('Hotel booking', 'Remind me to book a hotel');
    const markdown = await alice({
      method: 'GET',
      url: `/api/v1/conversations/${id}/export?format=markdown`,
    });
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers['content-disposition']).toBe(
      'attachment; filename="hotel-booking.md"; filename*=UTF-8\'\'hotel-booking.md',
    );
    expect(markdown.body).toContain('# Hotel booking');
    expect(markdown.body).toContain('## User\n\nRemind me to book a hotel');
    expect(markdown.body).toContain('**Tool `add_task`** — success, 12 ms');
    expect(markdown.body).toContain('"title": "Book a hotel"');

    const json = await alice({ method: 'GET', url: '/api/v1/conversations/export?format=json' });
    expect(json.headers['content-type']).toContain('application/json');
    const body = json.json();
    expect(body).toMatchObject({ format: 'switchboard.conversations', version: 1 });
    const exported = body.conversations.find((conversation: { id: string }) => conversation.id === id);
    expect(exported.messages).toHaveLength(2);
    expect(exported.messages[1]).toMatchObject({ model: 'offline', status: 'complete' });

    const all = await alice({ method: 'GET', url: '/api/v1/conversations/export?format=markdown' });
    expect(all.body.split('\n---\n').length).toBe(body.conversations.length);
  });

  it('imports its own export back as new conversations with the same tree and branch', async () => {
    const id = await seedChat('Round trip', 'Will this survive?');
    await testApp.app.conversations.appendMessage(aliceActor, {
      conversationId: id,
      parentId: null,
      role: 'user',
      parts: text('A second root'),
    });
    const exported = (await alice({ method: 'GET', url: `/api/v1/conversations/${id}/export` })).json();
    const imported = await bob({ method: 'POST', url: '/api/v1/conversations/import', payload: exported });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 1, conversations: [{ title: 'Round trip' }] });
    const copyId = imported.json().conversations[0].id;
    expect(copyId).not.toBe(id);
    const copy = (await bob({ method: 'GET', url: `/api/v1/conversations/${copyId}/export` })).json()
      .conversations[0];
    const original = exported.conversations[0];
    expect(copy.messages.map((message: { parts: Part[] }) => message.parts)).toEqual(
      original.messages.map((message: { parts: Part[] }) => message.parts),
    );
    expect(copy.message_count).toBe(3);
    expect(
      textsOf((await bob({ method: 'GET', url: `/api/v1/conversations/${copyId}/messages` })).json().items),
    ).toEqual(['A second root']);
    const ids = new Set(original.messages.map((message: { id: string }) => message.id));
    expect(copy.messages.some((message: { id: string }) => ids.has(message.id))).toBe(false);
  });

  it('imports ChatGPT’s conversations.json, keeping the tree and the current branch, without hidden or tool nodes', async () => {
    const imported = await alice({
      method: 'POST',
      url: '/api/v1/conversations/import',
      payload: chatGptExport,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const [lisbon, picture] = imported.json().conversations;
    expect(lisbon.title).toBe('Trip to Lisbon');
    expect(picture.title).toBe('What is in this picture?');

    const branch = (await alice({ method: 'GET', url: `/api/v1/conversations/${lisbon.id}/messages` })).json()
      .items;
    expect(textsOf(branch)).toEqual([
      'What should I see in Lisbon?',
      'Belém Tower and the Alfama district.',
      'And where should I eat?',
      'Try the Time Out Market for a bit of everything.',
    ]);
    expect(branch[0].parent_id).toBeNull();
    expect(branch[1]).toMatchObject({ model: 'gpt-4o', created_at: '2023-11-14T22:13:40.000Z' });
    expect(branch[1].branch.count).toBe(2);
    const conversation = (await alice({ method: 'GET', url: `/api/v1/conversations/${lisbon.id}` })).json();
    expect(conversation).toMatchObject({ message_count: 5, model: 'gpt-4o' });

    const pictureBranch = (
      await alice({ method: 'GET', url: `/api/v1/conversations/${picture.id}/messages` })
    ).json().items;
    expect(pictureBranch[0].parts).toEqual([
      { type: 'file', name: 'file-abc123', media_type: 'image/*' },
      { type: 'text', text: 'What is in this picture?' },
    ]);
    expect(textsOf(pictureBranch)[1]).toBe('A cat asleep on a sofa.');
  });

  it('refuses a malformed import with IMPORT_INVALID and writes nothing', async () => {
    const count = async () =>
      (await alice({ method: 'GET', url: '/api/v1/conversations?limit=100' })).json().items.length;
    const before = await count();
    const looped = structuredClone(chatGptExport) as { mapping: Record<string, { parent: string | null }> }[];
    const first = looped[0];
    if (!first) throw new Error('the fixture is empty');
    first.mapping.root = { ...first.mapping.root, parent: 'a2' };
    const broken: unknown[] = [
      { hello: 'world' },
      [],
      [{ title: 'No mapping' }],
      looped,
      { format: 'switchboard.conversations', version: 2, conversations: [] },
      {
        format: 'switchboard.conversations',
        version: 1,
        conversations: [
          {
            title: 'Fine',
            created_at: '2026-01-01T00:00:00Z',
            updated_at: '2026-01-01T00:00:00Z',
            messages: [],
          },
          {
            title: 'Orphan',
            created_at: '2026-01-01T00:00:00Z',
            updated_at: '2026-01-01T00:00:00Z',
            messages: [
              {
                id: 'm1',
                parent_id: 'missing',
                role: 'user',
                parts: [],
                created_at: '2026-01-01T00:00:00Z',
                updated_at: '2026-01-01T00:00:00Z',
              },
            ],
          },
        ],
      },
    ];
    for (const payload of broken) {
      const response = await alice({
        method: 'POST',
        url: '/api/v1/conversations/import',
        payload: payload as object,
      });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe('IMPORT_INVALID');
      expect(response.json().error.message.length).toBeGreaterThan(10);
    }
    expect(await count()).toBe(before);
  });

  it('takes an import larger than the usual body limit, up to the upload limit', async () => {
    const big = {
      format: 'switchboard.conversations',
      version: 1,
      conversations: [
        {
          title: 'Long',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
          active_message_id: 'm1',
          messages: [
            {
              id: 'm1',
              parent_id: null,
              role: 'user',
              parts: text('word '.repeat(2_000)),
              created_at: '2026-01-01T00:00:00Z',
              updated_at: '2026-01-01T00:00:00Z',
            },
          ],
        },
      ],
    };
    const imported = await alice({ method: 'POST', url: '/api/v1/conversations/import', payload: big });
    expect(imported.statusCode, imported.body).toBe(201);
    const tooBig = await alice({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { title: 'x'.repeat(3_000) },
    });
    expect(tooBig.statusCode).toBe(413);
  });
});
