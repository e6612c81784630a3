import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { RedactingSpanProcessor } from '../../src/telemetry/redacting-processor.js';

/**
 * The spans below are shaped as the instrumentations and the durable engine make them (their
 * scopes and attribute names); test/processes/otlp-traces.test.ts checks the real ones over OTLP.
 */
describe('the span processor in front of the exporter', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [new RedactingSpanProcessor(new SimpleSpanProcessor(exporter))],
  });
  const finished = (name: string) => {
    const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
    if (!span) throw new Error(`no span ${name}`);
    return span;
  };
  beforeEach(() => exporter.reset());
  afterAll(() => provider.shutdown());

  it('keeps the path of a request and drops its query string', () => {
    const server = provider
      .getTracer('@opentelemetry/instrumentation-http')
      .startSpan('GET /api/v1/memories/search');
    server.setAttributes({
      'url.path': '/api/v1/memories/search',
      'url.query': 'query=my+private+words',
      'http.target': '/api/v1/memories/search?query=my+private+words',
      'http.route': '/api/v1/memories/search',
    });
    server.end();
    const request = provider.getTracer('@fastify/otel').startSpan('request');
    request.setAttribute('url.path', '/api/v1/memories/search?query=my+private+words#top');
    request.end();
    const client = provider.getTracer('@opentelemetry/instrumentation-http').startSpan('GET');
    client.setAttributes({
      'url.full': 'https://models.example/v1/generate?key=sk-secret',
      'http.url': 'https://models.example/v1/generate?key=sk-secret',
    });
    client.end();

    expect(finished('GET /api/v1/memories/search').attributes).toEqual({
      'url.path': '/api/v1/memories/search',
      'http.target': '/api/v1/memories/search',
      'http.route': '/api/v1/memories/search',
    });
    expect(finished('request').attributes).toEqual({ 'url.path': '/api/v1/memories/search' });
    expect(finished('GET').attributes).toEqual({
      'url.full': 'https://models.example/v1/generate',
      'http.url': 'https://models.example/v1/generate',
    });
    const exported = JSON.stringify(exporter.getFinishedSpans().map((span) => span.attributes));
    expect(exported).not.toContain('private');
    expect(exported).not.toContain('sk-secret');
  });

  it("drops the engine's and the instrumentations' error messages and keeps the error's kind", () => {
    const step = provider.getTracer('dbos-tracer').startSpan('addTask');
    step.addEvent('Step attempt 1 failed', {
      retryIntervalSeconds: 1,
      error: 'duplicate title "buy milk"',
      shouldRetry: false,
    });
    step.setStatus({ code: SpanStatusCode.ERROR, message: 'duplicate title "buy milk"' });
    step.end();
    const query = provider.getTracer('@opentelemetry/instrumentation-pg').startSpan('pg.query:INSERT');
    const failure = new TypeError('invalid input syntax for type uuid: "buy milk"');
    query.recordException(failure);
    query.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
    query.end();

    const stepSpan = finished('addTask');
    expect(stepSpan.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(stepSpan.events.map((event) => event.attributes)).toEqual([
      { retryIntervalSeconds: 1, shouldRetry: false },
    ]);
    const querySpan = finished('pg.query:INSERT');
    expect(querySpan.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(querySpan.events[0]?.name).toBe('exception');
    expect(querySpan.events[0]?.attributes).toEqual({ 'exception.type': 'TypeError' });
    expect(
      JSON.stringify(exporter.getFinishedSpans().map((span) => [span.status, span.events])),
    ).not.toContain('milk');
  });

  it("leaves our own spans' status, which names the error's class", () => {
    const ours = provider.getTracer('switchboard').startSpan('tool.call');
    ours.setStatus({ code: SpanStatusCode.ERROR, message: 'TypeError' });
    ours.setAttribute('error.type', 'TypeError');
    ours.end();
    const span = finished('tool.call');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'TypeError' });
    expect(span.attributes).toEqual({ 'error.type': 'TypeError' });
    // The span as it was, with its own methods (nothing to take out).
    expect(span.spanContext().spanId).toBe(ours.spanContext().spanId);
  });
});
