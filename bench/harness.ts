import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import autocannon from 'autocannon';
import { fetchWithOwnSignal } from './own-signal-fetch.js';
import type { Turn } from './turns.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Starts a bench server (a TypeScript file in bench/servers, or an absolute path: another worktree's)
 * in its own process; resolves with its URL.
 */
export async function startBenchServer(file: string, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  // BENCH_CPU_PROF=<dir>: each bench server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  // BENCH_SERVER_NODE_OPTIONS: V8 flags for the bench servers alone (not the clients), to compare.
  const serverOptions = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...serverOptions, ...profile, '--import', 'tsx', path.resolve(root, 'bench/servers', file)],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
  });
  const announced = JSON.parse(firstLine) as { url: string; keys?: string[] };
  return {
    url: announced.url,
    keys: announced.keys ?? [],
    pid: child.pid ?? 0,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;

/**
 * Bench servers started one by one and stopped together: when one fails to start, those started
 * before it are stopped too (by `stopAll`, in the caller's `finally`).
 */
export function benchServers() {
  const started: BenchServer[] = [];
  return {
    async start(file: string, env: Record<string, string> = {}): Promise<BenchServer> {
      const server = await startBenchServer(file, env);
      started.push(server);
      return server;
    },
    stopAll: () => Promise.all(started.map((server) => server.stop())),
  };
}

/** Drives `url` for a second, so a server's first requests (connections, JIT) fall outside the measurement. */
export async function warmUp(url: string, connections = 10) {
  await autocannon({ url, connections, duration: 1 });
}

/** Drives `url` with `connections` concurrent keep-alive clients for `seconds`: one turn (bench/turns.ts). */
export async function loadTurn({
  url,
  connections = 10,
  seconds,
  pid,
}: {
  url: string;
  connections?: number;
  seconds: number;
  /** The server's process, to report its CPU time over the turn. */
  pid?: number;
}): Promise<Turn> {
  const cpuBefore = pid ? processCpuMs(pid) : undefined;
  const result = await autocannon({ url, connections, duration: seconds });
  const cpuAfter = pid ? processCpuMs(pid) : undefined;
  return {
    count: result.requests.total,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}),
  };
}

/** A goal's cell in a table (the goals of issue 16): what it asks, and whether this run met it. */
export function goalCell(goal: string, met: boolean): string {
  return `${goal}: ${met ? 'met' : 'not met'}`;
}

/** Prints rows as an aligned text table: every column any row has, empty where a row has none. */
export function printTable(rows: Record<string, string | number>[]) {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: Record<string, string | number>, column: string) => String(row[column] ?? '');
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row, column).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((text, index) => text.padEnd(widths[index] ?? 0)).join(' | ')} |\n`;
  process.stdout.write(line(columns));
  process.stdout.write(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) process.stdout.write(line(columns.map((column) => cell(row, column))));
}

/**
 * The CPU time (user + system, in ms) a process has used so far, from /proc on Linux; undefined
 * elsewhere. On a shared machine a server's CPU per request moves much less with the other
 * processes' load than its requests per second.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicksPerSecond : undefined;
  } catch {
    return undefined;
  }
}

/** The kernel's USER_HZ: 100 on every Linux Node runs on. */
const clockTicksPerSecond = 100;

/**
 * The on-CPU nanoseconds a process's main thread and all its threads have used so far, from
 * /proc/<pid>/task/*\/schedstat (Linux): finer than `processCpuMs`'s clock ticks.
 */
export function threadCpuNs(pid: number): { main: number; all: number } {
  let all = 0;
  let main = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const ns = Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      all += ns;
      if (task === String(pid)) main = ns;
    } catch {
      // a thread that ended meanwhile
    }
  }
  return { main, all };
}

/** GETs one at a time over one keep-alive connection; each rejects unless answered 200. */
export function keepAliveGetter() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get(url: string): Promise<void> {
      return new Promise((resolve, reject) => {
        http
          .get(url, { agent }, (response) => {
            response.resume();
            response.once('end', () =>
              response.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${response.statusCode}`)),
            );
          })
          .once('error', reject);
      });
    },
    close: () => agent.destroy(),
  };
}

/** An MCP session with the server at `url` (its /mcp), with an API key when one is given. */
export async function connectMcpClient(url: string, key?: string): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
      fetch: fetchWithOwnSignal,
      requestInit: { headers },
    }),
  );
  return client;
}
