/**
 * `npx tsx bench/instructions.ts [worktree] [calls] [warm-up calls]`: the instructions the served process runs per
 * request (valgrind's callgrind, counting only while the load runs: `--instr-atstart=no`, switched
 * on after a warm-up), for MCP `tools/call` echo and list_tasks over one client, and GET /readyz.
 * Counts do not move with the machine's load as CPU times do. The server is the given worktree's
 * bench/servers/switchboard-mcp.ts (this one by default) on the Node running this script
 * (BENCH_SERVER_NODE=<path> for another); an instrumented start takes minutes.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { connectMcpClient, keepAliveGetter } from './harness.js';

const root = path.resolve(process.argv[2] ?? path.resolve(import.meta.dirname, '..'));
const calls = Number(process.argv[3] ?? 500);
// Enough for V8 to have optimized the request path, as in a server that has run a while.
const warmUp = Number(process.argv[4] ?? 2000);
const idleMs = 10_000;
const node = process.env.BENCH_SERVER_NODE ?? process.execPath;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'instructions-'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'instructions-data-'));
const scratch = await createScratchPostgres();

const child = spawn(
  'valgrind',
  [
    '--tool=callgrind',
    '--instr-atstart=no',
    // The main thread's count alone: V8 compiles and collects on helper threads at its own pace,
    // which moved a whole count by 2-6x between runs of the same code.
    '--separate-threads=yes',
    `--callgrind-out-file=${out}/callgrind.out.%p`,
    node,
    '--import',
    'tsx',
    path.join(root, 'bench/servers/switchboard-mcp.ts'),
  ],
  {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: scratch.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
const line = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', resolve);
  child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
});
const { url, keys } = JSON.parse(line) as { url: string; keys: string[] };

/** Instructions the main thread ran so far (callgrind_control's dump, read back). */
function counted(): number {
  execFileSync('callgrind_control', ['--dump', String(child.pid)], { stdio: 'ignore' });
  let total = 0;
  for (const file of fs.readdirSync(out).filter((name) => name.endsWith('-01'))) {
    const text = fs.readFileSync(path.join(out, file), 'utf8');
    const summary = /^(?:summary|totals): (\d+)/m.exec(text);
    if (summary) total += Number(summary[1]);
  }
  return total;
}

const { get, close: closeConnection } = keepAliveGetter();
const client = await connectMcpClient(url, keys[0]);
const loads: Record<string, () => Promise<unknown>> = {
  readyz: () => get(`${url}/readyz`),
  echo: () => client.callTool({ name: 'echo', arguments: { message: 'hello' } }),
  list_tasks: () => client.callTool({ name: 'list_tasks', arguments: { limit: 50 } }),
};
try {
  // INSTRUCTIONS_ONLY=readyz,echo: only these loads.
  const only = process.env.INSTRUCTIONS_ONLY?.split(',');
  for (const [name, once] of Object.entries(loads)) {
    if (only && !only.includes(name)) continue;
    for (let n = 0; n < warmUp; n++) await once();
    execFileSync('callgrind_control', ['--instr=on', String(child.pid)], { stdio: 'ignore' });
    // What the process does on its own (the engine's polls, timers) runs by the clock, and under
    // valgrind a request takes 20-50 times as long: measured idle, then taken out of the load's count.
    const idleStart = counted();
    await sleep(idleMs);
    const idlePerMs = (counted() - idleStart) / idleMs;
    const before = counted();
    const started = performance.now();
    for (let n = 0; n < calls; n++) await once();
    const elapsedMs = performance.now() - started;
    const during = counted() - before;
    execFileSync('callgrind_control', ['--instr=off', String(child.pid)], { stdio: 'ignore' });
    const perRequest = (during - idlePerMs * elapsedMs) / calls;
    process.stdout.write(
      `${name}: ${Math.round(perRequest / 1000)} k instructions per request ` +
        `(${Math.round(during / calls / 1000)} k with the idle work of ${Math.round(elapsedMs / calls)} ms a request)\n`,
    );
  }
  await client.close();
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  closeConnection();
  await scratch.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
}
