import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { actingAs } from '../../src/actor.js';
import type { WireEvent } from '../../src/modules/events/index.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

describe('a reply waiting for approval', () => {
  let harness: ChatHarness;
  let socket: WebSocket;
  const received: WireEvent[] = [];

  beforeAll(async () => {
    harness = await startChatHarness();
    socket = new WebSocket(
      `${harness.baseUrl.replace(/^http/, 'ws')}/api/v1/events?types=message.approval_requested`,
      { headers: { authorization: `Bearer ${harness.keys.alice}` } },
    );
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as WireEvent));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  });
  afterAll(async () => {
    socket.terminate();
    await harness.close();
  });

  it('publishes message.approval_requested with the conversation, the message and the calls that wait', async () => {
    const alice = actingAs({ userId: harness.userIds.alice, role: 'user', via: 'chat' });
    const task = await harness.testApp.app.tasks.add(alice, { title: 'Old chore' });
    harness.model.script({ toolCalls: [{ name: 'delete_task', arguments: { task_id: task.id } }] });
    const reply = (await (
      await harness.chat('alice', { message: 'delete the old chore' }, { json: true })
    ).json()) as {
      status: string;
      conversation_id: string;
      message_id: string;
      tool_calls: { approval_id: string }[];
    };
    expect(reply.status).toBe('awaiting_approval');
    const [call] = reply.tool_calls;

    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({
      type: 'message.approval_requested',
      actor: { user_id: harness.userIds.alice },
      data: {
        conversation_id: reply.conversation_id,
        message_id: reply.message_id,
        owner_id: harness.userIds.alice,
        tool_calls: [
          { tool_call_id: expect.any(String), approval_id: call?.approval_id, tool: 'delete_task' },
        ],
      },
    });

    // Answering it continues the reply; that publishes no second request.
    harness.model.script({ text: 'Left it alone.' });
    const answered = await harness.chat(
      'alice',
      {
        conversation_id: reply.conversation_id,
        approvals: [{ approval_id: call?.approval_id, approved: false }],
      },
      { json: true },
    );
    expect(answered.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
  });
});
