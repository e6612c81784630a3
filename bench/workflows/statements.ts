/**
 * `npx tsx bench/workflows/statements.ts [runs]`: the SQL statements one run of the bench's 3-step
 * workflow sends (ours and DBOS's, both through node-postgres), counted over `runs` runs (10 unless
 * given) one after another after a warm-up, grouped by statement and divided by the runs, and their
 * median time (noisy: compare versions run in turn, not a run with an old figure), and this
 * process's CPU time per run (the app's side, not the database server's). Background
 * work (the heartbeat, batched audit rows and events) is counted too: a few fractions per run.
 * With EMBEDDED=1 it runs on the embedded server instead of a scratch database of the test Postgres.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createScratchPostgres } from '../../test/helpers/postgres.js';
import { startSwitchboard } from './switchboard.js';

const runs = Number(process.argv[2] ?? 10);
const counts = new Map<string, number>();
let counting = false;
/**
 * Commits that wait for the disk: of a transaction without `synchronous_commit = off`, or a write on
 * its own that does not set it (`executeUnflushed`, src/db/commit-unflushed.ts).
 */
let waitingCommits = 0;
const transactions = new WeakMap<pg.Client, { off: boolean }>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 140);
  const word = key.split(' ')[0]?.toLowerCase() ?? '';
  const open = transactions.get(this);
  if (word === 'begin') transactions.set(this, { off: false });
  else if (open && key === 'set local synchronous_commit = off') open.off = true;
  else if (word === 'commit' || word === 'rollback') {
    transactions.delete(this);
    if (counting && word === 'commit' && !open?.off) waitingCommits++;
  } else if (
    !open &&
    counting &&
    /^(insert|update|delete)\b|^with .* (insert|update|delete)\b/i.test(key) &&
    !/set_config\('synchronous_commit', 'off', true\)/.test(text)
  )
    waitingCommits++;
  if (counting) counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const embedded = process.env.EMBEDDED === '1';
const scratch = embedded ? undefined : await createScratchPostgres();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-statements-'));
fs.chmodSync(dataDir, 0o711);
const switchboard = await startSwitchboard(scratch ? { databaseUrl: scratch.url } : { dataDir });
try {
  for (let index = 0; index < 5; index++) await switchboard.runThreeSteps(`warm ${index}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  counting = true;
  const cpuBefore = process.cpuUsage();
  const durations: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await switchboard.runThreeSteps(`message ${index}`);
    durations.push(performance.now() - started);
  }
  // The batched events and audit rows of the last run.
  await new Promise((resolve) => setTimeout(resolve, 100));
  counting = false;
  const cpu = process.cpuUsage(cpuBefore);
  const rows = [...counts].sort((one, other) => other[1] - one[1]);
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const print = (line: string) => void process.stdout.write(`${line}\n`);
  for (const [text, count] of rows) print(`${(count / runs).toFixed(1).padStart(6)}  ${text}`);
  print(`${(total / runs).toFixed(1).padStart(6)}  statements per run (${runs} runs)`);
  print(`${(waitingCommits / runs).toFixed(1).padStart(6)}  commits that wait for the disk per run`);
  print(
    `${((cpu.user + cpu.system) / 1000 / runs).toFixed(2).padStart(6)}  ms of this process's CPU per run`,
  );
  durations.sort((one, other) => one - other);
  print(`run p50 ${(durations[Math.floor(runs / 2)] ?? 0).toFixed(1)} ms (while counting)`);
} finally {
  await switchboard.close();
  await scratch?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
