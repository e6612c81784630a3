import type { App } from '../../src/app.js';
import { boundHeapGrowth } from '../../src/cli/heap-growth.js';
import { capYoungGeneration } from '../../src/cli/young-generation.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';

/**
 * Whether the bench servers launch the durable engine: yes, as `switchboard serve` does, unless
 * BENCH_ENGINE=off (to measure what the engine costs the rest of the process).
 */
export const benchEngine = process.env.BENCH_ENGINE !== 'off';

/**
 * Builds the app as `switchboard serve` does (src/cli.ts, src/cli/serve.ts), so a benchmark
 * measures the process users run: the young generation capped before the app's modules are
 * imported, the durable engine launched, and the old generation bounded once it listens
 * (`listenServed`). The engine matters beyond its own work: DBOS keeps its
 * workflow context in an AsyncLocalStorage, and once that has run, Node 20 (and 22 without
 * --experimental-async-context-frame) runs a promise hook for every promise of the process.
 * The caller adds its data, listens (`listenServed`) and announces itself.
 */
export async function createServedApp({ config, logger }: { config: Config; logger: Logger }): Promise<App> {
  capYoungGeneration();
  const { createApp } = await import('../../src/app.js');
  return createApp({ config, logger, command: 'bench', engine: benchEngine });
}

/** Listens, then bounds the old generation's growth, as `switchboard serve` does (src/cli/serve.ts). */
export async function listenServed(app: App): Promise<string> {
  const url = await app.listen();
  boundHeapGrowth();
  return url;
}
