/**
 * The chat benches' two requests: a chat through Switchboard's POST /api/v1/chat, and a streamed
 * request straight to the (fake) model, each timed to its first text delta.
 */
import { readSse } from '../test/helpers/sse.js';

/** One chat's answer through Switchboard. */
export interface ChatTurn {
  ttftMs: number;
  conversationId: string;
  key: string;
  text: string;
}

/**
 * One chat through a server's POST /api/v1/chat (Switchboard's, or the bare AI SDK baseline's): time
 * to the first text delta, and the whole text.
 */
export async function chatThrough(
  server: { url: string; keys: string[] },
  index: number,
  message = `Hello number ${index}`,
): Promise<ChatTurn> {
  const key = server.keys[index % server.keys.length] ?? '';
  const started = performance.now();
  const response = await fetch(`${server.url}/api/v1/chat`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({ message }),
  });
  if (response.status !== 200) throw new Error(`chat answered ${response.status}: ${await response.text()}`);
  let ttftMs = 0;
  let text = '';
  let conversationId = '';
  let status = '';
  for await (const event of readSse(response)) {
    if (event.data === '[DONE]') break;
    const chunk = JSON.parse(event.data) as {
      type: string;
      delta?: string;
      messageMetadata?: { conversation_id?: string; status?: string };
    };
    if (chunk.type === 'start') conversationId = chunk.messageMetadata?.conversation_id ?? '';
    if (chunk.type === 'text-delta') {
      if (!text) ttftMs = performance.now() - started;
      text += chunk.delta ?? '';
    }
    if (chunk.type === 'finish') status = chunk.messageMetadata?.status ?? '';
  }
  if (status !== 'complete') throw new Error(`the reply ended ${status}`);
  return { ttftMs, conversationId, key, text };
}

/** The smallest streamed request: one line, no tools. */
export const oneLineRequest = JSON.stringify({
  model: 'fake-model',
  stream: true,
  messages: [{ role: 'user', content: 'Hello' }],
});

/** One streamed request (a JSON body) straight to the model: time to its first text delta. */
export async function directly(baseUrl: string, body: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  let ttft = 0;
  for await (const event of readSse(response)) {
    if (event.data === '[DONE]') break;
    const chunk = JSON.parse(event.data) as { choices: { delta: { content?: string } }[] };
    if (!ttft && chunk.choices[0]?.delta.content) ttft = performance.now() - started;
  }
  return ttft;
}
