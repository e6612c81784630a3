/**
 * `npx tsx bench/workflows/pipeline-cpu.ts [items] [warm runs]`: the bench's content-analysis
 * pipeline over `items` short documents (500 unless given): one cold run, then `warm runs` (3
 * unless given) warm ones (every step a cache hit), each warm run's SQL statements (ours and
 * DBOS's, grouped) and this process's CPU time, per item; and the plain loop's CPU per item beside
 * it, and the database server's CPU for the run (its backends serving the scratch database, read
 * from /proc: the server must run on this machine; NaN when a backend ended during the run). CPU time, not wall-clock: the machine may be
 * shared. PROFILE=file.cpuprofile writes a CPU profile of the warm runs alone.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { processCpuMs } from '../harness.js';
import { openContentAnalysis } from './content-analysis.js';

const items = Number(process.argv[2] ?? 500);
const warmRuns = Number(process.argv[3] ?? 3);
const counts = new Map<string, number>();
let counting = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
  if (counting) {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const bench = await openContentAnalysis(items);
const { scratch } = bench;
/** CPU ms so far of each of the server's backends for this database, by pid. */
const databaseCpuMs = async (): Promise<Map<number, number>> => {
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const ms = new Map<number, number>();
    for (const { pid } of rows) {
      const used = processCpuMs(pid); // undefined: gone meanwhile
      if (used !== undefined) ms.set(pid, used);
    }
    return ms;
  } finally {
    await client.end();
  }
};
/** The backends' CPU between two readings; a backend that ended meanwhile makes it unknown (NaN). */
const databaseCpuBetween = (before: Map<number, number>, after: Map<number, number>) => {
  if ([...before.keys()].some((pid) => !after.has(pid))) return Number.NaN;
  return [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
};
const print = (line: string) => void process.stdout.write(`${line}\n`);
const cpuMs = (before: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
try {
  const loopStarted = process.cpuUsage();
  await bench.plainLoop();
  const loopCpu = cpuMs(loopStarted);
  await bench.clearCache();
  await bench.pipeline();
  await bench.pipeline(); // warm-up of the warm path
  await new Promise((resolve) => setTimeout(resolve, 500));
  counting = true;
  const profiler = process.env.PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpuPerItem: number[] = [];
  const databasePerItem: number[] = [];
  for (let index = 0; index < warmRuns; index++) {
    const databaseBefore = await databaseCpuMs();
    const started = process.cpuUsage();
    const ended = await bench.pipeline();
    cpuPerItem.push(cpuMs(started) / items);
    databasePerItem.push(databaseCpuBetween(databaseBefore, await databaseCpuMs()) / items);
    if (index === 0) print(`cache hits of a warm run: ${ended.cache_hits}`);
  }
  counting = false;
  if (profiler && process.env.PROFILE) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(process.env.PROFILE, JSON.stringify(profile));
    profiler.disconnect();
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  print(`statements per warm run: ${(total / warmRuns).toFixed(1)} (${items} items)`);
  for (const [key, count] of rows.slice(0, 25)) print(`${(count / warmRuns).toFixed(1).padStart(8)}  ${key}`);
  print(`plain loop CPU per item: ${(loopCpu / items).toFixed(3)} ms`);
  print(`warm run CPU per item: ${cpuPerItem.map((ms) => ms.toFixed(3)).join(', ')} ms`);
  print(`warm run database CPU per item: ${databasePerItem.map((ms) => ms.toFixed(3)).join(', ')} ms`);
} finally {
  await bench.close();
}
