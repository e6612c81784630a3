/**
 * Pipelines: BENCH_PIPELINE_ITEMS short documents (1,000 unless set) through the content-analysis
 * template (five text tools per document, each step cached, concurrency 4, a report note), items/s
 * cold (cache cleared) and warm (every step a cache hit), beside the same five tools called in a
 * plain loop over the same documents in this process (each document read, then the tools one after
 * another). Goal (issue 21): cold >= 0.8x the plain loop, warm >= 10x.
 *
 * The pipeline is durable: every item is a DBOS step of the run (its result checkpointed in
 * Postgres, a synchronous commit), with its step rows, its item row and the run's counts; the
 * plain loop keeps nothing. The machine may be shared: figures are one pass each.
 */
import { openContentAnalysis } from './workflows/content-analysis.js';

export const title = 'Pipelines: content analysis over short documents, items/s (cold, warm, plain loop)';
const items = Number(process.env.BENCH_PIPELINE_ITEMS ?? 1_000);
export const subtitle = `(${items} documents, 5 text tools each, concurrency 4, one pass each, Node ${process.version})`;

export async function run(): Promise<Record<string, string | number>[]> {
  const bench = await openContentAnalysis(items);
  /** Milliseconds `work` took. */
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  try {
    const loopMs = await timed(bench.plainLoop);
    await bench.clearCache();
    const coldMs = await timed(bench.pipeline);
    const warmMs = await timed(bench.pipeline);
    const perSecond = (ms: number) => items / (ms / 1000);
    const loop = perSecond(loopMs);
    return [
      {
        what: 'plain loop (read + 5 tools)',
        'items/s': loop.toFixed(1),
        'x plain loop': '1.00',
        durable: 'no',
      },
      {
        what: 'pipeline, cold (cache cleared)',
        'items/s': perSecond(coldMs).toFixed(1),
        'x plain loop': (perSecond(coldMs) / loop).toFixed(2),
        durable: 'yes (DBOS)',
      },
      {
        what: 'pipeline, warm (all cache hits)',
        'items/s': perSecond(warmMs).toFixed(1),
        'x plain loop': (perSecond(warmMs) / loop).toFixed(2),
        durable: 'yes (DBOS)',
      },
    ];
  } finally {
    await bench.close();
  }
}
