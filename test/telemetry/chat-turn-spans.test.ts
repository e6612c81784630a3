import {
  InMemorySpanExporter,
  NodeTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChatHarness, startChatHarness } from '../chat/chat-harness.js';
import { disableGlobalTracing } from '../helpers/global-tracing.js';

describe('the spans of a chat turn', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let harness: ChatHarness;

  beforeAll(async () => {
    // Registered before the app is built, as `switchboard serve` does when an endpoint is set.
    provider.register();
    harness = await startChatHarness({ model: 'offline', models: '' });
  });
  afterAll(async () => {
    await harness.close();
    await provider.shutdown();
    disableGlobalTracing();
  });

  it('gives a chat turn with its model calls and the tool call under it, and no text of the talk', async () => {
    const message = 'add a task to buy milk';
    const reply = (await (await harness.chat('alice', { message }, { json: true })).json()) as {
      response: string;
      tool_calls: { tool: string; status: string }[];
    };
    expect(reply.tool_calls.map((call) => `${call.tool}:${call.status}`)).toEqual(['add_task:success']);

    // The turn's span ends once the reply is stored, just after the answer is sent.
    const turn = await vi.waitFor(() => {
      const found = exporter.getFinishedSpans().find((span) => span.name === 'chat.turn');
      if (!found) throw new Error('no chat.turn span yet');
      return found;
    });
    const spans = exporter
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === turn.spanContext().traceId);
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const ancestors = (span: ReadableSpan): string[] => {
      const parent = byId.get(span.parentSpanContext?.spanId ?? '');
      return parent ? [parent.name, ...ancestors(parent)] : [];
    };

    expect(turn.attributes).toMatchObject({
      'enduser.id': harness.userIds.alice,
      'switchboard.surface': 'chat',
      'gen_ai.request.model': 'offline',
      'switchboard.status': 'complete',
    });
    const toolCall = spans.find((span) => span.name === 'tool.call');
    expect(toolCall?.attributes).toMatchObject({
      'enduser.id': harness.userIds.alice,
      'switchboard.surface': 'chat',
      'switchboard.tool.name': 'add_task',
      'switchboard.status': 'success',
    });
    expect(toolCall && ancestors(toolCall)).toContain('chat.turn');
    const modelCalls = spans.filter((span) => span.name === 'model.call');
    // The offline assistant: one step asks for the tool, the next says what it did.
    expect(modelCalls.length).toBeGreaterThanOrEqual(2);
    for (const call of modelCalls) expect(ancestors(call)[0]).toBe('chat.turn');

    // The task's title is the talk's content: it is in the message, the tool's arguments and the reply.
    expect(reply.response.toLowerCase()).toContain('milk');
    const values = spans.flatMap((span) => Object.values(span.attributes).map((value) => String(value)));
    for (const value of values) expect(value.toLowerCase()).not.toContain('milk');
  });
});
