import { context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import { version } from '../version.js';
import { addFacts, inSpan, markFailed, tracingOn } from './spans.js';

/**
 * The model with a `model.call` span around each of its calls (one per step of the tool loop),
 * naming the model and, once it ends, the finish reason and token counts — never the prompt or the
 * answer. A streamed call's span lasts until its stream ends.
 */
export function withModelSpans(model: LanguageModelV3, id: string): LanguageModelV3 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v3',
      wrapGenerate: ({ doGenerate }) =>
        inSpan('model.call', { model: id }, async (span) => {
          const result = await doGenerate();
          endFacts(span, result.finishReason.unified, result.usage);
          return result;
        }),
      wrapStream: async ({ doStream }) => {
        // With tracing off no span is made (as inSpan does): the call is passed straight through.
        if (!tracingOn()) return doStream();
        const span = trace
          .getTracer('switchboard', version)
          .startSpan('model.call', { attributes: { 'gen_ai.request.model': id } });
        try {
          const result = await context.with(trace.setSpan(context.active(), span), doStream);
          const watch = new TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart>({
            transform(part, controller) {
              if (part.type === 'finish') endFacts(span, part.finishReason.unified, part.usage);
              if (part.type === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
              controller.enqueue(part);
            },
            flush: () => span.end(),
          });
          return { ...result, stream: result.stream.pipeThrough(watch) };
        } catch (error) {
          markFailed(span, error);
          span.end();
          throw error;
        }
      },
    },
  });
}

function endFacts(
  span: Span,
  finishReason: string,
  usage: { inputTokens: { total: number | undefined }; outputTokens: { total: number | undefined } },
) {
  addFacts(span, { status: finishReason });
  span.setAttributes({
    'gen_ai.response.finish_reasons': [finishReason],
    ...(usage.inputTokens.total !== undefined
      ? { 'gen_ai.usage.input_tokens': usage.inputTokens.total }
      : {}),
    ...(usage.outputTokens.total !== undefined
      ? { 'gen_ai.usage.output_tokens': usage.outputTokens.total }
      : {}),
  });
}
