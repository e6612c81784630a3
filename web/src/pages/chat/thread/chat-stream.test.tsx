import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationMessage } from '../../../api/conversations';
import { fakeServer, metrics, openChat, sseStream, stored } from './chat-test-helpers';

afterEach(() => {
  // Unmounted first, so nothing left running asks the real network.
  cleanup();
  vi.unstubAllGlobals();
});

describe('the chat thread', () => {
  it('streams a reply with a tool call into a new conversation, then shows its metrics', async () => {
    const chat = sseStream();
    let storeMessages!: (items: ConversationMessage[]) => void;
    const requests = fakeServer({
      chat,
      messages: () => new Promise((resolve) => (storeMessages = resolve)),
    });
    const router = openChat();

    await userEvent.type(screen.getByLabelText('Message'), 'add buy milk to my list{Enter}');
    await waitFor(() => expect(requests.some((request) => request.url === '/api/v1/chat')).toBe(true));
    // The browser's time zone goes along: the built-in assistant reads "tomorrow at 5" in it.
    expect(requests.find((request) => request.url === '/api/v1/chat')?.body).toEqual({
      message: 'add buy milk to my list',
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    expect(screen.getByRole('status').textContent).toBe('Assistant is working…');

    chat.send(
      { type: 'start', messageId: 'r1', messageMetadata: { conversation_id: 'c1', model: 'offline' } },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 't1', toolName: 'add_task' },
      { type: 'tool-input-available', toolCallId: 't1', toolName: 'add_task', input: { title: 'Buy milk' } },
    );
    const card = await screen.findByRole('region', { name: 'Tool call: add_task' });
    expect(within(card).getByText('Running')).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe('/chat/c1'));

    chat.send(
      { type: 'tool-output-available', toolCallId: 't1', output: { task: { title: 'Buy milk' } } },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: 'x' },
      { type: 'text-delta', id: 'x', delta: 'Added “Buy milk” ' },
      { type: 'text-delta', id: 'x', delta: 'to your list.' },
      { type: 'text-end', id: 'x' },
      { type: 'finish-step' },
    );
    await within(card).findByText('Succeeded');
    await screen.findByText('Added “Buy milk” to your list.');
    expect(screen.getByLabelText('Message')).toBeTruthy();

    chat.send({ type: 'finish', messageMetadata: { status: 'complete', metrics } });
    chat.end();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    // The built-in assistant ("offline"): a badge instead of a speed that means nothing there.
    await screen.findByText('1,200 tokens in · 42 tokens out · first token 15 ms · total 800 ms');
    expect(screen.getByText('offline')).toBeTruthy();

    // The stored branch replaces the streamed one: the same conversation, now editable.
    storeMessages([
      stored('q1', 'user', [{ type: 'text', text: 'add buy milk to my list' }]),
      stored('r1', 'assistant', [
        {
          type: 'tool',
          tool_call_id: 't1',
          tool: 'add_task',
          input: { title: 'Buy milk' },
          state: 'success',
          output: { task: { title: 'Buy milk' } },
        },
        { type: 'text', text: 'Added “Buy milk” to your list.' },
      ]),
    ]);
    await screen.findByRole('button', { name: 'Edit message' });
    expect(screen.getByText('Added “Buy milk” to your list.')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Tool call: add_task' })).getByText('Succeeded'),
    ).toBeTruthy();
  });

  it('stops a reply on the server and says it was stopped', async () => {
    const chat = sseStream();
    const requests = fakeServer({
      chat,
      messages: async () => [
        stored('q1', 'user', [{ type: 'text', text: 'summarize this: a long text' }]),
        stored('r1', 'assistant', [{ type: 'text', text: 'The text' }], { status: 'interrupted' }),
      ],
    });
    openChat();
    await userEvent.type(screen.getByLabelText('Message'), 'summarize this: a long text{Enter}');
    await waitFor(() => expect(requests.some((request) => request.url === '/api/v1/chat')).toBe(true));
    chat.send(
      { type: 'start', messageId: 'r1', messageMetadata: { conversation_id: 'c1' } },
      { type: 'text-start', id: 'x' },
      { type: 'text-delta', id: 'x', delta: 'The text' },
    );
    await screen.findByText('The text');

    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() =>
      expect(requests.some((request) => request.url === '/api/v1/chat/r1/stop')).toBe(true),
    );
    await screen.findByText('Stopped before it finished.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('shows a refusal where it happened and puts the message back in the composer', async () => {
    const chat = sseStream();
    fakeServer({
      chat,
      messages: async () => [],
      refuse: {
        status: 409,
        code: 'CHAT_BUSY',
        message: 'A reply is already being written in this conversation.',
      },
    });
    openChat();
    await userEvent.type(screen.getByLabelText('Message'), 'add buy milk{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A reply is already being written in this conversation.',
    );
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>('Message').value).toBe('add buy milk'),
    );
    await waitFor(() => expect(screen.queryByRole('log')).toBeNull());
  });

  it('resumes a reply still being written when the conversation opens', async () => {
    const chat = sseStream();
    let answered = 0;
    const requests = fakeServer({
      chat,
      messages: async () => [
        stored('q1', 'user', [{ type: 'text', text: 'what is left to do?' }]),
        stored('r1', 'assistant', answered++ === 0 ? [] : [{ type: 'text', text: 'Nothing is left.' }], {
          status: answered === 1 ? 'streaming' : 'complete',
        }),
      ],
    });
    openChat('/chat/c1');
    await screen.findByText('what is left to do?');
    await waitFor(() =>
      expect(requests.some((request) => request.url === '/api/v1/chat/c1/stream')).toBe(true),
    );
    chat.send(
      { type: 'start', messageId: 'r1', messageMetadata: { conversation_id: 'c1' } },
      { type: 'text-start', id: 'x' },
      { type: 'text-delta', id: 'x', delta: 'Nothing is left.' },
    );
    await screen.findByText('Nothing is left.');
    expect(screen.getByRole('status').textContent).toBe('Assistant is working…');
    chat.send(
      { type: 'text-end', id: 'x' },
      { type: 'finish', messageMetadata: { status: 'complete', metrics } },
    );
    chat.end();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.getByText('Nothing is left.')).toBeTruthy();
  });

  it("sends the picked model with a new chat, and changes an open conversation's model", async () => {
    const chat = sseStream();
    const requests = fakeServer({ chat, messages: async () => [] });
    const router = openChat();
    await screen.findByRole('option', { name: 'qwen2.5:14b (unreachable)' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'ollama:qwen2.5:14b');
    expect(screen.getByText('Ollama does not answer at 127.0.0.1:11434')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Message'), 'hello{Enter}');
    await waitFor(() =>
      expect(requests.find((request) => request.url === '/api/v1/chat')?.body).toEqual({
        message: 'hello',
        model: 'ollama:qwen2.5:14b',
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }),
    );
    chat.send({ type: 'start', messageId: 'r1', messageMetadata: { conversation_id: 'c1' } });
    chat.send({ type: 'finish', messageMetadata: { status: 'complete', metrics } });
    chat.end();
    await waitFor(() => expect(router.state.location.pathname).toBe('/chat/c1'));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'offline');
    await waitFor(() =>
      expect(requests.find((request) => request.method === 'PATCH')).toEqual({
        method: 'PATCH',
        url: '/api/v1/conversations/c1',
        body: { model: 'offline' },
      }),
    );
  });
});
