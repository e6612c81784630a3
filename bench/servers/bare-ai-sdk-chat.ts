/**
 * The chat benchmark's second baseline: the AI SDK alone on a bare Fastify route, asking the fake
 * model (MODEL_BASE_URL) with the request Switchboard sends it (REQUEST_FILE: its system prompt and
 * tools), streaming the UI message stream back: what the SDK itself adds to the first token, with
 * none of Switchboard's sign-in, storage, claims, history, recall or relays. Its tools never run
 * (the fake model answers text). Written as Switchboard writes its stream: each event as SSE, the
 * first token flushed.
 */
import fs from 'node:fs';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { dynamicTool, jsonSchema, streamText, type ToolSet, UI_MESSAGE_STREAM_HEADERS } from 'ai';
import Fastify from 'fastify';

interface SentRequest {
  messages: { role: string; content: unknown }[];
  tools?: { function: { name: string; description?: string; parameters: object } }[];
}

const requestFile = process.env.REQUEST_FILE;
if (!requestFile) throw new Error('REQUEST_FILE must name the JSON body Switchboard sent the model');
const sent = JSON.parse(fs.readFileSync(requestFile, 'utf8')) as SentRequest;
const system = sent.messages.find((message) => message.role === 'system')?.content;
const tools: ToolSet = {};
for (const { function: tool } of sent.tools ?? [])
  tools[tool.name] = dynamicTool({
    description: tool.description,
    inputSchema: jsonSchema(tool.parameters),
    execute: async () => ({}),
  });
const model = createOpenAICompatible({
  name: 'openai-compatible',
  baseURL: process.env.MODEL_BASE_URL ?? '',
  includeUsage: true,
}).languageModel('fake-model');

const app = Fastify();
app.post<{ Body: { message: string } }>('/api/v1/chat', async (request, reply) => {
  reply.hijack();
  const response = reply.raw;
  const result = streamText({
    model,
    ...(typeof system === 'string' ? { system } : {}),
    messages: [{ role: 'user', content: request.body.message }],
    tools,
  });
  response.writeHead(200, UI_MESSAGE_STREAM_HEADERS);
  // The bench's client reads the same metadata as from Switchboard: a conversation, a status.
  const chunks = result.toUIMessageStream({
    messageMetadata: ({ part }) =>
      part.type === 'start'
        ? { conversation_id: 'none' }
        : part.type === 'finish'
          ? { status: 'complete' }
          : undefined,
  });
  let tokenSent = false;
  for await (const chunk of chunks) {
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    // The first token leaves at once, as Switchboard's does (openSse's isFirstToken): Node holds
    // a chunked answer's writes until the model's whole burst has been processed otherwise.
    if (!tokenSent && chunk.type === 'text-delta') {
      tokenSent = true;
      response.socket?.uncork();
    }
  }
  response.end('data: [DONE]\n\n');
});
process.stdout.write(`${JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) })}\n`);
process.once('SIGTERM', () => process.exit(0));
