/**
 * Start time: `switchboard serve` (the compiled server, as `npm start` runs it) started on a new
 * DATA_DIR (the embedded Postgres is initialised), then again on the same one (the goal of issue 16:
 * ready in under 2 s), each measured from the spawn to the first 200 of /readyz. Beside the wall
 * time, the CPU the Node process spent until then (Linux): on a shared machine the wall time
 * follows the other processes' load, the CPU time much less. BENCH_STARTS sets how many second
 * starts (default 5; the table shows each and their median).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../src/net/free-port.js';
import { goalCell, processCpuMs } from './harness.js';

export const title = 'Start: `switchboard serve` until /readyz answers, on a new and on an existing DATA_DIR';

const secondStarts = Number(process.env.BENCH_STARTS ?? 5);
export const subtitle = `(1 first start, ${secondStarts} second starts, the compiled server, embedded Postgres, Node ${process.version})`;

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin/switchboard.js');

interface Start {
  wallMs: number;
  cpuMs: number | undefined;
}

export async function run() {
  execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-start-'));
  try {
    const first = await startOnce(dataDir);
    const again: Start[] = [];
    for (let index = 0; index < secondStarts; index += 1) again.push(await startOnce(dataDir));
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const cpus = again.flatMap((start) => (start.cpuMs === undefined ? [] : [start.cpuMs]));
    return [
      row('first start (new DATA_DIR)', first),
      ...again.map((start, index) => row(`second start #${index + 1}`, start)),
      row(`second start, median of ${again.length}`, {
        wallMs: median(again.map((start) => start.wallMs)) ?? 0,
        cpuMs: cpus.length > 0 ? median(cpus) : undefined,
      }),
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts `switchboard serve` on `dataDir`, waits for /readyz, reads its CPU time, stops it. */
async function startOnce(dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    while (!(await ready(`http://127.0.0.1:${port}/readyz`))) {
      if (child.exitCode !== null) throw new Error(`switchboard serve exited with ${child.exitCode}`);
      await sleep(10);
    }
    return { wallMs: performance.now() - started, cpuMs: processCpuMs(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function ready(url: string): Promise<boolean> {
  return fetch(url).then(
    (response) => response.ok,
    () => false,
  );
}

function row(start: string, { wallMs, cpuMs }: Start) {
  return {
    start,
    'ready after ms': Math.round(wallMs),
    'Node CPU ms until ready': cpuMs === undefined ? '' : Math.round(cpuMs),
    'goal (second start)': start.startsWith('second') ? goalCell('< 2 s', wallMs < 2000) : '',
  };
}
