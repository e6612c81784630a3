import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { uiChunks } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

describe('turns: history, approvals, branches and the step limit', () => {
  let harness: ChatHarness;
  const alice = () => actingAs({ userId: harness.userIds.alice, role: 'user', via: 'chat' });
  const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

  beforeAll(async () => {
    harness = await startChatHarness({ chatHistoryMessages: '5', chatMaxSteps: '3' });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.model.requests.length = 0;
  });

  it("sends the model the last N messages of this conversation only, after a system prompt with the user's name and date", async () => {
    const other = await json(
      await harness.chat('alice', { message: 'secret from another conversation' }, { json: true }),
    );
    const bobs = await json(await harness.chat('bob', { message: 'bob private words' }, { json: true }));
    expect([other.status, bobs.status]).toEqual(['complete', 'complete']);

    let conversationId: unknown;
    for (let turn = 1; turn <= 4; turn += 1) {
      const body = await json(
        await harness.chat(
          'alice',
          { message: `turn ${turn}`, ...(conversationId ? { conversation_id: conversationId } : {}) },
          { json: true },
        ),
      );
      conversationId = body.conversation_id;
    }
    const last = harness.model.requests.at(-1);
    const [system, ...history] = last?.messages ?? [];
    expect(system?.role).toBe('system');
    expect(String(system?.content)).toContain('Alice');
    expect(String(system?.content)).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(history.map((message) => message.content)).toEqual([
      'turn 2',
      'You said: turn 2',
      'turn 3',
      'You said: turn 3',
      'turn 4',
    ]);
    const everything = JSON.stringify(harness.model.requests.at(-1));
    expect(everything).not.toContain('secret from another conversation');
    expect(everything).not.toContain('bob private words');
  });

  it('asks before a destructive tool runs, and runs it once approved', async () => {
    const task = await harness.testApp.app.tasks.add(alice(), { title: 'Old chore' });
    harness.model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: task.id } }] },
      { text: 'Deleted it.' },
    );
    const chunks = await uiChunks(await harness.chat('alice', { message: 'delete the old chore' }));
    const request = chunks.find((chunk) => chunk.type === 'tool-approval-request');
    expect(request).toMatchObject({ approvalId: expect.any(String) });
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'awaiting_approval' } });
    expect((await harness.testApp.app.tasks.list(alice(), {})).items.map((item) => item.id)).toContain(
      task.id,
    );

    const replyId = chunks[0]?.messageId as string;
    const { conversation_id } = await harness.testApp.app.conversations.message(alice(), replyId);
    const approved = await json(
      await harness.chat(
        'alice',
        { conversation_id, approvals: [{ approval_id: request?.approvalId, approved: true }] },
        { json: true },
      ),
    );
    expect(approved).toMatchObject({
      message_id: replyId,
      status: 'complete',
      response: 'Deleted it.',
      tool_calls: [{ tool: 'delete_task', status: 'success' }],
    });
    expect((await harness.testApp.app.tasks.list(alice(), {})).items.map((item) => item.id)).not.toContain(
      task.id,
    );
  });

  it('does not run a refused call, and tells the model it was refused', async () => {
    const task = await harness.testApp.app.tasks.add(alice(), { title: 'Keep me' });
    harness.model.script(
      { toolCalls: [{ name: 'delete_task', arguments: { task_id: task.id } }] },
      { text: 'Left it alone.' },
    );
    const first = await json(await harness.chat('alice', { message: 'delete keep me' }, { json: true }));
    expect(first.status).toBe('awaiting_approval');
    const [call] = first.tool_calls as { approval_id: string }[];

    const refused = await json(
      await harness.chat(
        'alice',
        {
          conversation_id: first.conversation_id,
          approvals: [{ approval_id: call?.approval_id, approved: false }],
        },
        { json: true },
      ),
    );
    expect(refused).toMatchObject({
      status: 'complete',
      tool_calls: [{ tool: 'delete_task', status: 'denied' }],
    });
    expect((await harness.testApp.app.tasks.list(alice(), {})).items.map((item) => item.id)).toContain(
      task.id,
    );

    const again = await harness.chat(
      'alice',
      {
        conversation_id: first.conversation_id,
        approvals: [{ approval_id: call?.approval_id, approved: true }],
      },
      { json: true },
    );
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ error: { code: 'NOTHING_TO_APPROVE' } });
  });

  it('branches on an edit and on a regeneration, and the model sees only the active branch', async () => {
    const first = await json(await harness.chat('alice', { message: 'I like apples' }, { json: true }));
    const conversationId = first.conversation_id as string;
    const [original] = await harness.testApp.app.conversations.activeBranch(alice(), conversationId, {});

    const edited = await json(
      await harness.chat(
        'alice',
        { conversation_id: conversationId, parent_id: null, message: 'I like pears' },
        { json: true },
      ),
    );
    expect(edited.response).toBe('You said: I like pears');
    const editedSent = JSON.stringify(harness.model.requests.at(-1)?.messages);
    expect(editedSent).not.toContain('apples');

    harness.model.script({ text: 'Pears are lovely.' });
    const regenerated = await json(
      await harness.chat(
        'alice',
        { conversation_id: conversationId, regenerate: edited.message_id },
        { json: true },
      ),
    );
    expect(regenerated.response).toBe('Pears are lovely.');
    expect(regenerated.message_id).not.toBe(edited.message_id);

    const messages = await harness.testApp.app.conversations.messages(alice(), conversationId, {
      branch: 'all',
    });
    expect(messages.filter((message) => message.parent_id === null).map((message) => message.id)).toContain(
      original?.id,
    );
    const branch = await harness.testApp.app.conversations.activeBranch(alice(), conversationId, {});
    expect(branch.map((message) => message.id).at(-1)).toBe(regenerated.message_id);
  });

  it('stops at the step limit and says so', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'list_tasks', arguments: {} }] },
      { toolCalls: [{ name: 'list_tasks', arguments: {} }] },
      { toolCalls: [{ name: 'list_tasks', arguments: {} }] },
    );
    const body = await json(await harness.chat('alice', { message: 'keep listing' }, { json: true }));
    expect(body.status).toBe('complete');
    expect((body.tool_calls as unknown[]).length).toBe(3);
    expect(body.response).toMatch(/stopped after 3 steps/);
  });
});
