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
import { actingAs, systemActor } from '../../src/actor.js';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { analyzeContent } from '../../src/modules/workflows/templates/analyze-content.js';
import { createScratchPostgres } from '../../test/helpers/postgres.js';
import { insertWorkflow } from '../../test/helpers/workflows.js';

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

const sentences = [
  'The new release is fast and the team is proud of it.',
  'Customers complained that the delivery was late and the box was damaged.',
  'Marie met the committee in Lyon to discuss the budget for next year.',
  'This plan is terrible; nobody understands the goals or the schedule.',
  'A calm, simple summary helps readers decide what to read first.',
];

const scratch = await createScratchPostgres();
const parsed = parseConfig({ databaseUrl: scratch.url, host: '127.0.0.1', port: '0', logLevel: 'silent' });
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const app = await createApp({
  config: parsed.config,
  logger: createLogger({ level: 'silent' }),
  command: 'bench',
  engine: true,
});
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
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ms.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // gone meanwhile
      }
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
  const user = await app.identity.users.create(systemActor, {
    email: 'bench@example.com',
    password: 'benchmark password',
    name: 'bench',
  });
  const actor = actingAs({ userId: user.id, role: user.role, via: 'workflow' });
  const ids: string[] = [];
  for (let index = 0; index < items; index++) {
    const document = await app.resources.create(actor, {
      kind: 'text',
      name: `short ${index}`,
      content: `${sentences[index % sentences.length]} Note number ${index}.`,
    });
    ids.push(document.id);
  }
  const workflowId = await insertWorkflow(app, user.id, analyzeContent.definition);
  const { runs } = app.workflows;
  const tools = analyzeContent.definition.steps.map((step) => {
    const { tool, input } = step as { tool: string; input: Record<string, unknown> };
    return { tool, extra: Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'text')) };
  });
  const pipeline = async () => {
    const run = await runs.start(actor, {
      workflow: workflowId,
      input: { document_ids: ids, limit: items },
      trigger: { kind: 'manual', surface: 'bench' },
    });
    const ended = await runs.waitForEnd(actor, run.id, { timeoutMs: 3_600_000 });
    if (ended.status !== 'succeeded' || ended.pipeline?.failed)
      throw new Error(`The pipeline ended ${ended.status}: ${JSON.stringify(ended.pipeline)}`);
    return ended;
  };
  const loopStarted = process.cpuUsage();
  for (const id of ids) {
    const { text } = await app.resources.get(actor, id);
    for (const { tool, extra } of tools) await app.tools.call(actor, tool, { text: text ?? '', ...extra });
  }
  const loopCpu = cpuMs(loopStarted);
  await runs.clearCache(actor);
  await pipeline();
  await pipeline(); // warm-up of the warm path
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
    const ended = await pipeline();
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
  await app.close();
  await scratch.drop();
}
