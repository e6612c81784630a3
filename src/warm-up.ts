import type { Logger } from './logger.js';

/** Something slow to do once before its first use (load libraries, fill a cache). */
export interface WarmUp {
  /** For the log line. */
  name: string;
  /** False when the work would not be used (the feature is off): skipped then. */
  wanted(): Promise<boolean>;
  run(): Promise<unknown>;
}

/**
 * Runs the warm-ups one after the other in the background, after the server listens: readiness does
 * not wait for them, and a failure only logs (the work happens on first use instead). Resolves
 * when all are done, so a test or a benchmark can wait for it.
 */
export function runWarmUps(warmUps: readonly WarmUp[], logger: Logger): Promise<void> {
  return new Promise<void>((resolve) => {
    // The next turn of the event loop: listen() has answered and /readyz is served first.
    setImmediate(() => {
      void (async () => {
        for (const warmUp of warmUps) {
          const started = performance.now();
          try {
            if (!(await warmUp.wanted())) continue;
            await warmUp.run();
            logger.debug({ warm_up: warmUp.name, ms: Math.round(performance.now() - started) }, 'warmed up');
          } catch (error) {
            logger.warn({ err: error, warm_up: warmUp.name }, 'could not warm up; it happens on first use');
          }
        }
      })().finally(resolve);
    });
  });
}
