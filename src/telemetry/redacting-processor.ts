import type { Context, SpanStatus } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor, TimedEvent } from '@opentelemetry/sdk-trace-node';

/** Our own spans' scope (src/telemetry/spans.ts): their status message is the error's class, never its text. */
const ourScope = 'switchboard';

/** Attributes holding a URL or its request target: the query string goes, the path stays. */
const urlAttributes = ['url.path', 'http.target', 'http.url', 'url.full'];

/** Attributes that are only a query string. */
const queryAttributes = ['url.query'];

/**
 * Event attributes holding an error's text: the exception events of the instrumentations
 * (`exception.message`, and the stack, whose first line repeats it) and the durable engine's step
 * retry events (`error`, `shouldRetryError`). `exception.type` and the rest stay.
 */
const errorTextAttributes = ['exception.message', 'exception.stacktrace', 'error', 'shouldRetryError'];

/**
 * Passes each ended span on to `next` without what must not leave the process: the query string
 * of a request (a search's words, a token in a link) and the message of an error (it may quote the
 * input) in the spans of the instrumentations and the durable engine. Our own spans never carry
 * either (src/telemetry/spans.ts); the error's class or code stays (`error.type`,
 * `exception.type`, the status code).
 */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.next.onEnd(redactSpan(span));
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

/** The span without query strings and error messages; the same object when it had none. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  const attributes = withoutQueries(span.attributes);
  const status = span.instrumentationScope.name === ourScope ? span.status : withoutMessage(span.status);
  const events = withoutErrorTexts(span.events);
  if (attributes === span.attributes && status === span.status && events === span.events) return span;
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status,
    attributes,
    links: span.links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** The URL or request target up to its `?` (and without a `#fragment`). */
function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function withoutQueries(attributes: ReadableSpan['attributes']): ReadableSpan['attributes'] {
  let copy: ReadableSpan['attributes'] | undefined;
  for (const key of urlAttributes) {
    const value = attributes[key];
    if (typeof value !== 'string') continue;
    const stripped = withoutQuery(value);
    if (stripped === value) continue;
    copy ??= { ...attributes };
    copy[key] = stripped;
  }
  for (const key of queryAttributes) {
    if (!(key in attributes)) continue;
    copy ??= { ...attributes };
    delete copy[key];
  }
  return copy ?? attributes;
}

function withoutMessage(status: SpanStatus): SpanStatus {
  return status.message === undefined ? status : { code: status.code };
}

function withoutErrorTexts(events: TimedEvent[]): TimedEvent[] {
  if (!events.some((event) => errorTextAttributes.some((key) => event.attributes?.[key] !== undefined)))
    return events;
  return events.map((event) => {
    if (!event.attributes) return event;
    const attributes = { ...event.attributes };
    for (const key of errorTextAttributes) delete attributes[key];
    return { ...event, attributes };
  });
}
