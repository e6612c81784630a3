import module from 'node:module';

/** Paths whose requests are not traced: probes and scrapes, many a minute and all alike. */
const quietPaths = new Set(['/healthz', '/readyz', '/metrics']);

export interface Tracing {
  /** Sends the spans still buffered and stops tracing. */
  shutdown(): Promise<void>;
}

/**
 * Turns tracing on for this process: a tracer provider that sends spans over OTLP/HTTP to
 * `endpoint` (the collector's base URL; spans go to `/v1/traces`), and the instrumentations for
 * http, Fastify and pg. Must be called before any of the app's modules is loaded: the http and pg
 * instrumentations patch a module as it loads (require-in-the-middle for CommonJS, the ES module
 * loader hook for `import pg`), so a module loaded earlier is never traced. Nothing here is
 * imported unless OTEL_EXPORTER_OTLP_ENDPOINT is set: without it our spans go to the API's no-op
 * tracer.
 */
export async function startTracing({
  endpoint,
  instanceId,
  version,
}: {
  endpoint: string;
  instanceId?: string | undefined;
  version: string;
}): Promise<Tracing> {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const url = new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
  // Only pg is hooked in the ES module loader: http is required by Fastify, and Fastify announces
  // itself on a diagnostics channel.
  module.register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
    data: { include: ['pg'] },
  });
  const { BatchSpanProcessor, NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const { registerInstrumentations } = await import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = await import('@opentelemetry/instrumentation-pg');
  const { FastifyOtelInstrumentation } = await import('@fastify/otel');
  const { RedactingSpanProcessor } = await import('./redacting-processor.js');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'switchboard',
      'service.version': version,
      ...(instanceId ? { 'service.instance.id': instanceId } : {}),
    }),
    // Query strings and error messages are taken out before a span is queued for export.
    spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url })))],
  });
  provider.register();
  const stopInstrumenting = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => quietPaths.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: ({ url }) => quietPaths.has(url),
      }),
      // Only queries made inside a traced piece of work: the engine's and the bus's polling are not.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    async shutdown() {
      stopInstrumenting();
      await provider.shutdown();
    },
  };
}
