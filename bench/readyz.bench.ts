/**
 * GET /readyz (one database round trip) on Switchboard against a bare Fastify server running the
 * same query on the same Postgres, in the same run. The ratio is Switchboard's overhead. The
 * embedded database is a Postgres server reached by the same driver and pool, so one row pair
 * covers both set-ups. Both servers stay up and are driven in alternating turns (bench/turns.ts).
 */
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { benchServers, goalCell, loadTurn, warmUp } from './harness.js';
import { type Totals, cpuRatio, inTurns, rateRatio, turnCount, turnsSubtitle } from './turns.js';

export const title = 'GET /readyz: Switchboard vs bare Fastify with the same query';
export const subtitle = turnsSubtitle('10 connections');

export async function run({ seconds }: { seconds: number }) {
  const scratch = await createScratchPostgres();
  const env = { DATABASE_URL: scratch.url };
  const group = benchServers();
  try {
    const servers = {
      'bare Fastify': await group.start('bare-fastify.ts', env),
      Switchboard: await group.start('switchboard.ts', env),
    };
    for (const server of Object.values(servers)) await warmUp(`${server.url}/readyz`);
    const totals = await inTurns(['bare Fastify', 'Switchboard'] as const, (name) =>
      loadTurn({
        url: `${servers[name].url}/readyz`,
        seconds: seconds / turnCount,
        pid: servers[name].pid,
      }),
    );
    const baseline = totals['bare Fastify'];
    return [row('bare Fastify', baseline, baseline), row('Switchboard', totals.Switchboard, baseline)];
  } finally {
    await group.stopAll();
    await scratch.drop();
  }
}

function row(server: string, totals: Totals, baseline: Totals) {
  return {
    database: 'postgres',
    server,
    'req/s': Math.round(totals.perSecond),
    'p50 ms': totals.p50Ms,
    'p99 ms': totals.p99Ms,
    errors: totals.errors,
    'req/s vs bare (turns)': rateRatio(totals, baseline),
    'server CPU µs/req': totals.cpuUsPerRequest?.toFixed(0) ?? '',
    'CPU vs bare': cpuRatio(totals, baseline),
    ...(totals !== baseline && { goal: goalCell('≥ 0.9x', totals.perSecond >= 0.9 * baseline.perSecond) }),
  };
}
