import { DBOS } from '@dbos-inc/dbos-sdk';
import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedactingSpanProcessor } from '../../src/telemetry/redacting-processor.js';
import { disableGlobalTracing } from '../helpers/global-tracing.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** What the failing step's error quotes: a user's words, as a real error's message may. */
const words = 'buy oat milk';

/**
 * The durable engine's own spans of a step that fails and is retried: what DBOS puts in their
 * status and retry events, with and without the processor `switchboard serve` sends spans through.
 */
describe("the engine's spans of a failed step", () => {
  const exported = new InMemorySpanExporter();
  // What the spans held before filtering: the premise (DBOS does record the message) is checked too.
  const unfiltered = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [
      new RedactingSpanProcessor(new SimpleSpanProcessor(exported)),
      new SimpleSpanProcessor(unfiltered),
    ],
  });
  // Registered before the app launches the engine (a shutdown clears DBOS's registry).
  const failing = DBOS.registerWorkflow(
    async () => {
      await DBOS.runStep(
        async () => {
          throw new RangeError(`no task titled "${words}"`);
        },
        { name: 'find-task', retriesAllowed: true, maxAttempts: 2, intervalSeconds: 0.01, backoffRate: 1 },
      );
    },
    { name: 'redaction-failing-workflow' },
  );
  let testApp: TestApp;

  beforeAll(async () => {
    provider.register();
    testApp = await buildTestApp('postgres', { engine: true });
  });
  afterAll(async () => {
    await testApp?.close();
    await provider.shutdown();
    disableGlobalTracing();
  });

  it('keeps that the step and the workflow failed, and not the error’s message', async () => {
    const handle = await DBOS.startWorkflow(failing)();
    await expect(handle.getResult()).rejects.toThrow(words);

    const engineSpans = (exporter: InMemorySpanExporter) =>
      exporter.getFinishedSpans().filter((span) => span.instrumentationScope.name === 'dbos-tracer');
    const text = (exporter: InMemorySpanExporter) =>
      JSON.stringify(
        engineSpans(exporter).map(({ status, events, attributes }) => ({ status, events, attributes })),
      );
    expect(text(unfiltered)).toContain(words);

    const failed = engineSpans(exported).filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(failed.map((span) => span.name)).toEqual(expect.arrayContaining(['find-task']));
    for (const span of failed) expect(span.status.message).toBeUndefined();
    const step = failed.find((span) => span.name === 'find-task');
    // The retry is still told, with its interval, without the error's text.
    expect(step?.events.map((event) => event.name)).toContainEqual(
      expect.stringMatching(/^Step attempt \d+ failed/),
    );
    expect(text(exported)).not.toContain(words);
  });
});
