import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the fake model. */
export type FakeTurn =
  | { text: string; delayMs?: number }
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { status: number; error: string };

export interface RecordedRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  tools: string[];
  /** The request's `tool_choice`, when it sent one. */
  toolChoice?: unknown;
}

/**
 * A local OpenAI-compatible server (POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models)
 * that answers from a script, streamed as the real API streams (text a word at a time, tool calls, usage), and records
 * every request — so tests see exactly what history and tools reached the model.
 */
export async function startFakeModelServer() {
  const script: FakeTurn[] = [];
  const requests: RecordedRequest[] = [];
  /** The inputs of each POST /v1/embeddings, in order. */
  const embeddingRequests: string[][] = [];
  /** The latest chat request's body as sent (the recorded ones keep the tools' names only). */
  let lastChatBody: string | undefined;
  /** What a test checks when a chat request arrives, before it is answered. */
  let beforeAnswer: ((request: RecordedRequest) => Promise<void>) | undefined;
  /** When the script runs out: echo the last user message. */
  const fallback = (request: RecordedRequest): FakeTurn => ({
    text: `You said: ${String(request.messages.findLast((message) => message.role === 'user')?.content ?? '')}`,
  });

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method === 'GET' && request.url === '/v1/models') {
      return json(response, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
    }
    if (request.method === 'POST' && request.url === '/v1/embeddings') {
      const { input } = JSON.parse(await readBody(request)) as { input: string | string[] };
      const inputs = Array.isArray(input) ? input : [input];
      embeddingRequests.push(inputs);
      return json(response, 200, {
        object: 'list',
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text) })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
    }
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') return json(response, 404, {});
    lastChatBody = await readBody(request);
    const body = JSON.parse(lastChatBody) as {
      model: string;
      stream?: boolean;
      messages: RecordedRequest['messages'];
      tools?: { function: { name: string } }[];
      tool_choice?: unknown;
    };
    const recorded: RecordedRequest = {
      model: body.model,
      stream: body.stream === true,
      messages: body.messages,
      tools: (body.tools ?? []).map((tool) => tool.function.name),
      ...(body.tool_choice === undefined ? {} : { toolChoice: body.tool_choice }),
    };
    requests.push(recorded);
    await beforeAnswer?.(recorded);
    const turn = script.shift() ?? fallback(recorded);
    if ('status' in turn)
      return json(response, turn.status, { error: { message: turn.error, type: 'server_error' } });
    if (!recorded.stream) return json(response, 200, completion(body.model, turn));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const chunk of streamChunks(body.model, turn)) {
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      if ('text' in turn && turn.delayMs) await new Promise((resolve) => setTimeout(resolve, turn.delayMs));
      if (response.destroyed) return;
    }
    response.end('data: [DONE]\n\n');
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddingRequests,
    lastChatBody: () => lastChatBody,
    /** Queues answers, used in order; when none is left the model echoes the user. */
    script: (...turns: FakeTurn[]) => script.push(...turns),
    /** Runs `check` when each chat request arrives, before it is answered (undefined: no check). */
    onRequest: (check: typeof beforeAnswer) => {
      beforeAnswer = check;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeModelServer = Awaited<ReturnType<typeof startFakeModelServer>>;

/** A deterministic 256-dimension embedding: each word adds to the dimension its letters hash to. */
function fakeEmbedding(text: string): number[] {
  const vector = Array.from({ length: 256 }, () => 0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) % 256;
    vector[hash] = (vector[hash] ?? 0) + 1;
  }
  return vector;
}

function words(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

const usage = (turn: FakeTurn) => ({
  prompt_tokens: 10,
  completion_tokens: 'text' in turn ? words(turn.text).length : 5,
  total_tokens: 10 + ('text' in turn ? words(turn.text).length : 5),
});

function completion(model: string, turn: Exclude<FakeTurn, { status: number }>) {
  const message =
    'text' in turn
      ? { role: 'assistant', content: turn.text }
      : { role: 'assistant', content: null, tool_calls: toolCalls(turn) };
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message, finish_reason: 'text' in turn ? 'stop' : 'tool_calls' }],
    usage: usage(turn),
  };
}

function* streamChunks(model: string, turn: Exclude<FakeTurn, { status: number }>) {
  const chunk = (delta: object, finish: string | null = null) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  if ('text' in turn) {
    yield chunk({ role: 'assistant', content: '' });
    for (const word of words(turn.text)) yield chunk({ content: word });
    yield chunk({}, 'stop');
  } else {
    yield chunk({
      role: 'assistant',
      tool_calls: toolCalls(turn).map((call, index) => ({ index, ...call })),
    });
    yield chunk({}, 'tool_calls');
  }
  yield { ...chunk({}), choices: [], usage: usage(turn) };
}

let callCount = 0;

function toolCalls(turn: { toolCalls: { name: string; arguments: Record<string, unknown> }[] }) {
  return turn.toolCalls.map((call) => ({
    id: `call_${++callCount}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
