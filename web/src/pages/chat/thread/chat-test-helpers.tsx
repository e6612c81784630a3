import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { vi } from 'vitest';
import type { ConversationMessage } from '../../../api/conversations';
import { ChatThread } from './chat-thread';

/** Test helpers for the chat thread: the server's answers, faked at `fetch` for one test. */

/** An SSE body the test writes into chunk by chunk, as the server's UI message stream. */
export function sseStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (opened) => void (controller = opened) });
  return {
    response: () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (...chunks: object[]) => {
      for (const chunk of chunks) controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
    },
    end: () => {
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
  };
}

export const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
export const metrics = {
  input_tokens: 1200,
  output_tokens: 42,
  time_to_first_token_ms: 15,
  total_ms: 800,
  tokens_per_second: 52.5,
};
export const stored = (
  id: string,
  role: 'user' | 'assistant',
  parts: ConversationMessage['parts'],
  extra: Partial<ConversationMessage> = {},
): ConversationMessage => ({
  id,
  conversation_id: 'c1',
  parent_id: role === 'user' ? null : 'q1',
  role,
  parts,
  status: 'complete',
  error: null,
  model: 'offline',
  metrics: role === 'assistant' ? metrics : null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  branch: { index: 0, count: 1, sibling_ids: [id] },
  ...extra,
});

/** Answers the thread's requests the way the server does; each test says what the chat and the stored branch are. */
export function fakeServer({
  chat,
  messages,
  refuse,
}: {
  chat: ReturnType<typeof sseStream>;
  messages: () => Promise<ConversationMessage[]>;
  /** The chat request's refusal, instead of a stream. */
  refuse?: { status: number; code: string; message: string };
}) {
  const requests: { method: string; url: string; body: unknown }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    requests.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url === '/api/v1/chat' && method === 'POST')
      return refuse
        ? new Response(JSON.stringify({ error: { code: refuse.code, message: refuse.message } }), {
            status: refuse.status,
          })
        : chat.response();
    if (url === '/api/v1/chat/c1/stream') return chat.response();
    if (url.startsWith('/api/v1/chat/') && url.endsWith('/stop')) {
      chat.send({ type: 'finish', messageMetadata: { status: 'interrupted', metrics } });
      chat.end();
      return json({});
    }
    if (url === '/api/v1/models')
      return json({
        default_model: 'offline',
        models: [
          { id: 'offline', provider: 'offline', name: 'offline' },
          { id: 'ollama:qwen2.5:14b', provider: 'ollama', name: 'qwen2.5:14b' },
        ],
        providers: [
          { provider: 'offline', state: 'ready', message: null },
          { provider: 'ollama', state: 'unreachable', message: 'Ollama does not answer at 127.0.0.1:11434' },
        ],
      });
    if (url === '/api/v1/conversations/c1/messages') return json({ items: await messages() });
    if (url === '/api/v1/conversations/c1')
      return json({ id: 'c1', title: 'Groceries', model: method === 'PATCH' ? 'ollama:qwen2.5:14b' : null });
    return new Response(null, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

function Thread() {
  const { conversationId } = useParams();
  return <ChatThread conversationId={conversationId} />;
}

export function openChat(path = '/chat') {
  const router = createMemoryRouter(
    [
      { path: '/chat', element: <Thread /> },
      { path: '/chat/:conversationId', element: <Thread /> },
    ],
    { initialEntries: [path] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}
