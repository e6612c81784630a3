import type { Worker } from 'node:worker_threads';
import { ExtractionLimitError, type ExtractionLimits } from './limits.js';
import { startWorker } from './start-worker.js';

/** A worker's heap for short-lived objects, in megabytes: enough for a parser, bounded. */
const youngGenerationMb = 32;

/**
 * Runs one job in its own worker thread, off the event loop, under the limits: its heap is capped
 * (EXTRACT_MEMORY_MB; past it the thread dies and the job fails with EXTRACTION_LIMIT), it is
 * ended at EXTRACT_TIMEOUT_MS or when `signal` aborts, and it is always terminated afterwards, so
 * whatever it unpacked is freed with it. `receive` reads each message the worker posts and
 * returns `{ result }` for the last one (or throws to fail the job).
 */
export function runInWorker<Message, Result>({
  callerUrl,
  name,
  workerData,
  limits,
  field,
  signal,
  receive,
}: {
  callerUrl: string;
  name: string;
  workerData: unknown;
  limits: ExtractionLimits;
  /** The input field a limit error names. */
  field: string;
  signal?: AbortSignal | undefined;
  receive: (message: Message) => { result: Result } | undefined;
}): Promise<Result> {
  signal?.throwIfAborted();
  return new Promise<Result>((resolve, reject) => {
    let worker: Worker | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      void worker?.terminate();
      outcome();
    };
    const fail = (error: unknown) => settle(() => reject(error));
    const abort = () => fail(signal?.reason);
    const timer = setTimeout(
      () => fail(new ExtractionLimitError('time', limits.timeoutMs, { field })),
      limits.timeoutMs,
    );
    signal?.addEventListener('abort', abort, { once: true });
    try {
      worker = startWorker(callerUrl, name, {
        workerData,
        resourceLimits: {
          maxOldGenerationSizeMb: limits.memoryMb,
          maxYoungGenerationSizeMb: Math.min(youngGenerationMb, limits.memoryMb),
        },
      });
    } catch (error) {
      fail(error);
      return;
    }
    worker.on('message', (message: Message) => {
      try {
        const done = receive(message);
        if (done) settle(() => resolve(done.result));
      } catch (error) {
        fail(error);
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ExtractionLimitError('memory', limits.memoryMb, { field })
          : error,
      ),
    );
    worker.on('exit', (code) => fail(new Error(`The extraction worker stopped (exit code ${code})`)));
  });
}
