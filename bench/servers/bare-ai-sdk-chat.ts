/**
 * The chat benchmark's second baseline: the AI SDK alone on a bare Fastify route, asking the fake
 * model (MODEL_BASE_URL) with the request Switchboard sends it (REQUEST_FILE: its system prompt and
 * tools), streaming the UI message stream back: what the SDK itself adds to the first token, with
 * none of Switchboard's sign-in, storage, claims, history, recall or relays. Its tools never run
 * (the fake model answers text).
 */
import fs from 'node:fs';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { dynamicTool, jsonSchema, streamText, type ToolSet } from 'ai';
import Fastify from 'fastify';

interface SentRequest {
  messages: { role: string; content: unknown }[];
  tools?: { function: { name: string; description?: string; parameters: object } }[];
}

const sent = JSON.parse(fs.readFileSync(process.env.REQUEST_FILE ?? '', 'utf8')) as SentRequest;
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
app.post<{ Body: { message: string } }>('/api/v1/chat', (request, reply) => {
  reply.hijack();
  const result = streamText({
    model,
    ...(typeof system === 'string' ? { system } : {}),
    messages: [{ role: 'user', content: request.body.message }],
    tools,
  });
  // The bench's client reads the same metadata as from Switchboard: a conversation, a status.
  result.pipeUIMessageStreamToResponse(reply.raw, {
    messageMetadata: ({ part }) =>
      part.type === 'start'
        ? { conversation_id: 'none' }
        : part.type === 'finish'
          ? { status: 'complete' }
          : undefined,
  });
});
process.stdout.write(`${JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) })}\n`);
process.once('SIGTERM', () => process.exit(0));
