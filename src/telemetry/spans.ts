import {
  type Attributes,
  INVALID_SPAN_CONTEXT,
  ProxyTracerProvider,
  type Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { Actor, Surface } from '../actor.js';
import { DomainError } from '../errors.js';
import { version } from '../version.js';

/**
 * Where a piece of work came in: the actor's surface, except that a REST call is named `rest`
 * (the actor says `http`) and an agent's own work is named `agent`.
 */
export type SpanSurface = Exclude<Surface, 'http'> | 'rest' | 'agent';

/**
 * What our spans may say about their work, and nothing else: who, through which surface, which
 * tool or model, which run or step, and how it ended. There is deliberately no field for a
 * message's text, a tool's arguments or a result: a span is exported to another system.
 */
export interface SpanFacts {
  userId?: string | undefined;
  surface?: SpanSurface | undefined;
  tool?: string | undefined;
  model?: string | undefined;
  conversationId?: string | undefined;
  workflowRunId?: string | undefined;
  stepPath?: string | undefined;
  stepKind?: string | undefined;
  agentId?: string | undefined;
  agentRunId?: string | undefined;
  messageId?: string | undefined;
  status?: string | undefined;
}

const attributeNames: Record<keyof SpanFacts, string> = {
  userId: 'enduser.id',
  surface: 'switchboard.surface',
  tool: 'switchboard.tool.name',
  model: 'gen_ai.request.model',
  conversationId: 'switchboard.conversation.id',
  workflowRunId: 'switchboard.workflow.run_id',
  stepPath: 'switchboard.workflow.step_path',
  stepKind: 'switchboard.workflow.step_kind',
  agentId: 'switchboard.agent.id',
  agentRunId: 'switchboard.agent.run_id',
  messageId: 'switchboard.agent.message_id',
  status: 'switchboard.status',
};

/** Our spans' tracer: a no-op until a tracer provider is registered (src/telemetry/start-tracing.ts). */
const tracer = () => trace.getTracer('switchboard', version);

/** The span work is given when tracing is off: records nothing, as the API's no-op tracer's spans. */
const noSpan = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** True once a tracer provider is registered (OTEL_EXPORTER_OTLP_ENDPOINT set, or a test's). */
export function tracingOn(): boolean {
  const provider = trace.getTracerProvider();
  return (
    !(provider instanceof ProxyTracerProvider) || provider.getDelegateTracer('switchboard') !== undefined
  );
}

/** The span attributes for these facts (unset ones left out). */
export function spanAttributes(facts: SpanFacts): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(facts)) {
    if (value !== undefined) attributes[attributeNames[key as keyof SpanFacts]] = value;
  }
  return attributes;
}

/** The user and surface of an actor, as span facts. */
export function actorFacts(actor: Actor): Pick<SpanFacts, 'userId' | 'surface'> {
  if (actor.type !== 'user') return { surface: 'system' };
  return { userId: actor.userId, surface: actor.via === 'http' ? 'rest' : actor.via };
}

/** Adds facts learnt while the work ran (its status, a tool's name). */
export function addFacts(span: Span, facts: SpanFacts): void {
  span.setAttributes(spanAttributes(facts));
}

/**
 * Runs `work` in a span named `name`, the current span while it runs (so the spans it starts are
 * its children). A thrown error marks the span failed (with the error's class, never its message,
 * which may quote the input) and is thrown on; `statusOf` names the status of what it returned.
 * When tracing is off, `work` runs at once with a span that records nothing: the API's no-op
 * tracer would still build the attributes, a tracer, a span and a context for every call (a tool
 * call's, a model call's).
 */
export function inSpan<T>(
  name: string,
  facts: SpanFacts,
  work: (span: Span) => Promise<T>,
  statusOf?: (result: T) => string,
): Promise<T> {
  if (!tracingOn()) {
    try {
      return work(noSpan);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  return tracer().startActiveSpan(name, { attributes: spanAttributes(facts) }, async (span) => {
    try {
      const result = await work(span);
      const status = statusOf?.(result);
      if (status !== undefined) span.setAttribute(attributeNames.status, status);
      return result;
    } catch (error) {
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Marks a span ended by an error, named by its stable code or class, not its message. A domain
 * error (bad input, not found) is the caller's `failure`; anything else is our `error`, and the
 * span's status says so.
 */
export function markFailed(span: Span, error: unknown): void {
  if (error instanceof DomainError) {
    span.setAttributes({ 'error.type': error.code, [attributeNames.status]: 'failure' });
    return;
  }
  const kind = error instanceof Error ? error.name : typeof error;
  span.setStatus({ code: SpanStatusCode.ERROR, message: kind });
  span.setAttributes({ 'error.type': kind, [attributeNames.status]: 'error' });
}
