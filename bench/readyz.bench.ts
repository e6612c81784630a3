/**
 * GET /readyz (one database round trip) on Switchboard against a bare Fastify server running the
 * same query on the same Postgres, in the same run. The ratio is Switchboard's overhead. The
 * embedded database is a Postgres server reached by the same driver and pool, so one row pair
 * covers both set-ups.
 */
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { type LoadResult, measure, startBenchServer } from './harness.js';

export const title = 'GET /readyz: Switchboard vs bare Fastify with the same query';

export async function run({ seconds }: { seconds: number }) {
  const scratch = await createScratchPostgres();
  const databases = [{ name: 'postgres', env: { DATABASE_URL: scratch.url } }];

  const rows = [];
  try {
    for (const database of databases) {
      const baseline = await load('bare-fastify.ts', database.env, seconds);
      const switchboard = await load('switchboard.ts', database.env, seconds);
      rows.push(row(database.name, 'bare Fastify', baseline, baseline));
      rows.push(row(database.name, 'Switchboard', switchboard, baseline));
    }
  } finally {
    await scratch.drop();
  }
  return rows;
}

async function load(file: string, env: Record<string, string>, seconds: number): Promise<LoadResult> {
  const server = await startBenchServer(file, env);
  try {
    return await measure({ url: `${server.url}/readyz`, seconds, pid: server.pid });
  } finally {
    await server.stop();
  }
}

function row(database: string, server: string, result: LoadResult, baseline: LoadResult) {
  return {
    database,
    server,
    'req/s': Math.round(result.requestsPerSecond),
    'p50 ms': result.p50Ms,
    'p99 ms': result.p99Ms,
    errors: result.errors,
    'req/s vs bare': (result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
    'server CPU µs/req': result.cpuUsPerRequest?.toFixed(0) ?? '',
    'CPU vs bare': cpuRatio(result, baseline),
  };
}

/** How many times the baseline's CPU per request a server spends (lower is better). */
function cpuRatio(result: LoadResult, baseline: LoadResult): string {
  if (!result.cpuUsPerRequest || !baseline.cpuUsPerRequest) return '';
  return (result.cpuUsPerRequest / baseline.cpuUsPerRequest).toFixed(2);
}
