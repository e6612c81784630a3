import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { streamedText, uiChunks } from '../helpers/sse.js';
import { type ChatHarness, startChatHarness } from './chat-harness.js';

describe('the chat over the real provider path (a fake OpenAI-compatible server)', () => {
  let harness: ChatHarness;
  const alice = () => actingAs({ userId: harness.userIds.alice, role: 'user', via: 'chat' });
  const storedReply = (messageId: string) => harness.testApp.app.conversations.message(alice(), messageId);

  beforeAll(async () => {
    harness = await startChatHarness({ chatReconnectGraceMs: '0' });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.model.requests.length = 0;
  });

  it('streams the reply as the UI message stream and stores both messages with metrics', async () => {
    harness.model.script({ text: 'Hello there, Alice.' });
    const response = await harness.chat('alice', { message: 'Hi!' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const chunks = await uiChunks(response);

    expect(chunks[0]).toMatchObject({ type: 'start', messageId: expect.any(String) });
    expect(chunks.filter((chunk) => chunk.type === 'text-delta').length).toBeGreaterThan(1);
    expect(streamedText(chunks)).toBe('Hello there, Alice.');
    const finish = chunks.at(-1) as { type: string; messageMetadata: { status: string } };
    expect(finish).toMatchObject({ type: 'finish', messageMetadata: { status: 'complete' } });

    const reply = await storedReply(chunks[0]?.messageId as string);
    expect(reply).toMatchObject({
      role: 'assistant',
      status: 'complete',
      model: 'openai-compatible:fake-model',
    });
    expect(reply.parts).toEqual([{ type: 'text', text: 'Hello there, Alice.' }]);
    expect(reply.metrics).toMatchObject({ output_tokens: 3, input_tokens: 10 });
    expect(reply.metrics?.time_to_first_token_ms).toEqual(expect.any(Number));
    const [userMessage] = await harness.testApp.app.conversations.activeBranch(
      alice(),
      reply.conversation_id,
      {},
    );
    expect(userMessage).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'Hi!' }] });
  });

  it('calls tools over several steps as the user, shows each call with its result, and stores them', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'Buy milk' } }] },
      { toolCalls: [{ name: 'list_tasks', arguments: { status: 'pending' } }] },
      { text: 'Added it; you have one task.' },
    );
    const chunks = await uiChunks(await harness.chat('alice', { message: 'add buy milk and show my list' }));

    const outputs = chunks.filter((chunk) => chunk.type === 'tool-output-available');
    expect(
      chunks.filter((chunk) => chunk.type === 'tool-input-available').map((chunk) => chunk.toolName),
    ).toEqual(['add_task', 'list_tasks']);
    expect(outputs[0]?.output).toMatchObject({ task: { title: 'Buy milk', status: 'pending' } });
    expect(streamedText(chunks)).toBe('Added it; you have one task.');
    const tasks = await harness.testApp.app.tasks.list(alice(), {});
    expect(tasks.items.map((task) => task.title)).toContain('Buy milk');

    // The second model request carried the first tool's result back.
    const toolMessage = harness.model.requests[1]?.messages.find((message) => message.role === 'tool');
    expect(String(toolMessage?.content)).toContain('Buy milk');
    expect(harness.model.requests[0]?.tools).toContain('add_task');

    const reply = await storedReply(chunks[0]?.messageId as string);
    expect(
      reply.parts.map((part) => (part.type === 'tool' ? `${part.tool}:${part.state}` : part.type)),
    ).toEqual(['add_task:success', 'list_tasks:success', 'text']);
    const firstCall = reply.parts[0];
    expect(firstCall?.type === 'tool' && firstCall.duration_ms).toEqual(expect.any(Number));
  });

  it('shows a failing tool call as an error with its code, and goes on', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'complete_task', arguments: { task_id: 'no-such-task' } }] },
      { text: 'That task does not exist.' },
    );
    const chunks = await uiChunks(await harness.chat('alice', { message: 'complete task no-such-task' }));
    const failed = chunks.find((chunk) => chunk.type === 'tool-output-error');
    expect(String(failed?.errorText)).toMatch(/^TASK_NOT_FOUND: /);
    const reply = await storedReply(chunks[0]?.messageId as string);
    expect(reply.parts[0]).toMatchObject({
      type: 'tool',
      state: 'error',
      error: expect.stringMatching(/TASK_NOT_FOUND/),
    });
    expect(reply.status).toBe('complete');
  });

  it('treats a call to a tool that does not exist as that call failing, not the reply', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'no_such_tool', arguments: {} }] },
      { text: 'Sorry, I used a wrong tool.' },
    );
    const chunks = await uiChunks(await harness.chat('alice', { message: 'do something odd' }));
    expect(chunks.find((chunk) => chunk.type === 'error')).toBeUndefined();
    expect(streamedText(chunks)).toBe('Sorry, I used a wrong tool.');
    const reply = await storedReply(chunks[0]?.messageId as string);
    expect(reply.status).toBe('complete');
    expect(reply.parts[0]).toMatchObject({
      type: 'tool',
      tool: 'no_such_tool',
      state: 'error',
      error: expect.stringMatching(/^TOOL_NOT_FOUND/),
    });
  });

  it('keeps the user message and marks the reply as an error when the model fails', async () => {
    harness.model.script(
      { status: 500, error: 'the model fell over' },
      { status: 500, error: 'the model fell over' },
    );
    const chunks = await uiChunks(await harness.chat('alice', { message: 'Are you there?' }));
    const error = chunks.find((chunk) => chunk.type === 'error');
    expect(String(error?.errorText)).toMatch(/HTTP 500/);

    const reply = await storedReply(chunks[0]?.messageId as string);
    expect(reply.status).toBe('error');
    expect(reply.error).toMatchObject({ code: 'MODEL_ERROR' });
    const branch = await harness.testApp.app.conversations.activeBranch(alice(), reply.conversation_id, {});
    expect(branch.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(branch[0]?.parts).toEqual([{ type: 'text', text: 'Are you there?' }]);
  });

  it('answers JSON clients with the finished reply and its tool calls', async () => {
    harness.model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'Call Sam' } }] },
      { text: 'Added “Call Sam”.' },
    );
    const response = await harness.chat('alice', { message: 'remind me to call Sam' }, { json: true });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      conversation_id: expect.any(String),
      message_id: expect.any(String),
      status: 'complete',
      response: 'Added “Call Sam”.',
      tool_calls: [
        {
          tool: 'add_task',
          args: { title: 'Call Sam' },
          status: 'success',
          result: { task: { title: 'Call Sam' } },
        },
      ],
      error: null,
    });
  });

  it('refuses a model that is not allowed, before writing anything', async () => {
    const response = await harness.chat('alice', { message: 'hi', model: 'openai:gpt-4.1' }, { json: true });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'MODEL_NOT_ALLOWED', field: 'model' } });
    expect(harness.model.requests).toHaveLength(0);
  });

  it('checks the request: exactly one of message, regenerate, approvals', async () => {
    const response = await harness.chat(
      'alice',
      { message: 'hi', regenerate: 'x', conversation_id: 'y' },
      { json: true },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });
});
