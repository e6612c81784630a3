import { context, propagation, trace } from '@opentelemetry/api';

/**
 * Undoes `provider.register()`: the tracer provider, context manager and propagator it set for the
 * whole process. The server's test files share their worker (`isolate: false`), so a file that
 * registers one disables it when done, or the next file would find tracing on (and a provider shut down).
 */
export function disableGlobalTracing(): void {
  trace.disable();
  context.disable();
  propagation.disable();
}
