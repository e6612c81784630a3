/**
 * `npx tsx bench/cpu-ab.ts <other worktree> [rounds]`: the server CPU time per request of this
 * checkout against another (the code before a change), with the bare baselines, measured in turn
 * in shuffled order over one keep-alive connection each, so a shared machine's load falls on all
 * of them alike. CPU is read from /proc/<pid>/task/*\/schedstat (nanoseconds, Linux): the main
 * thread alone and the whole process. Prints min / p25 / median µs per request of the rounds.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { fetchWithOwnSignal } from './own-signal-fetch.js';

const here = path.resolve(import.meta.dirname, '..');
const other = path.resolve(process.argv[2] ?? '');
const rounds = Number(process.argv[3] ?? 20);
if (!fs.existsSync(path.join(other, 'bench/servers/switchboard-mcp.ts')))
  throw new Error('Usage: tsx bench/cpu-ab.ts <other worktree> [rounds]');

interface Server {
  url: string;
  keys: string[];
  pid: number;
  stop(): Promise<void>;
}

async function start(root: string, file: string, env: Record<string, string>): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-ab-'));
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', path.join(root, 'bench/servers', file)],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${root}/${file} exited with ${code}`)));
  });
  const announced = JSON.parse(line) as { url: string; keys?: string[] };
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

/** On-CPU nanoseconds of the main thread and of all the process's threads. */
function cpuNs(pid: number): { main: number; all: number } {
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

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(url: string): Promise<void> {
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
}

async function mcpClient(url: string, key: string | undefined) {
  const client = new Client({ name: 'ab', version: '1.0.0' });
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
      fetch: fetchWithOwnSignal,
      requestInit: { headers },
    }),
  );
  return client;
}

interface Target {
  name: string;
  pid: number;
  perRound: number;
  once: () => Promise<unknown>;
  main: number[];
  all: number[];
}

const scratchBase = await createScratchPostgres();
const scratchHere = await createScratchPostgres();
const bareFastify = await start(here, 'bare-fastify.ts', { DATABASE_URL: scratchBase.url });
const bareMcp = await start(here, 'bare-mcp.ts', {});
const before = await start(other, 'switchboard-mcp.ts', { DATABASE_URL: scratchBase.url });
const after = await start(here, 'switchboard-mcp.ts', { DATABASE_URL: scratchHere.url });
const servers = [bareFastify, bareMcp, before, after];
try {
  const clients = {
    bare: await mcpClient(bareMcp.url, undefined),
    before: await mcpClient(before.url, before.keys[0]),
    after: await mcpClient(after.url, after.keys[0]),
  };
  const echo = (client: Client) => () => client.callTool({ name: 'echo', arguments: { message: 'hello' } });
  const list = (client: Client) => () => client.callTool({ name: 'list_tasks', arguments: { limit: 50 } });
  const target = (name: string, pid: number, perRound: number, once: () => Promise<unknown>): Target => ({
    name,
    pid,
    perRound,
    once,
    main: [],
    all: [],
  });
  const targets = [
    target('readyz bare', bareFastify.pid, 300, () => get(`${bareFastify.url}/readyz`)),
    target('readyz before', before.pid, 300, () => get(`${before.url}/readyz`)),
    target('readyz after', after.pid, 300, () => get(`${after.url}/readyz`)),
    target('echo bare', bareMcp.pid, 100, echo(clients.bare)),
    target('echo before', before.pid, 100, echo(clients.before)),
    target('echo after', after.pid, 100, echo(clients.after)),
    target('list_tasks before', before.pid, 100, list(clients.before)),
    target('list_tasks after', after.pid, 100, list(clients.after)),
  ];
  // AB_ONLY=echo,list_tasks: only the targets whose names begin with one of these.
  const only = process.env.AB_ONLY?.split(',');
  const chosen = only
    ? targets.filter((each) => only.some((prefix) => each.name.startsWith(prefix)))
    : targets;
  for (const each of chosen) for (let n = 0; n < each.perRound; n++) await each.once(); // warm-up
  const latencies = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    const order = [...chosen].sort(() => Math.random() - 0.5);
    for (const each of order) {
      const cpuBefore = cpuNs(each.pid);
      const times = latencies.get(each.name) ?? [];
      for (let n = 0; n < each.perRound; n++) {
        const started = performance.now();
        await each.once();
        times.push(performance.now() - started);
      }
      latencies.set(each.name, times);
      const cpuAfter = cpuNs(each.pid);
      each.main.push((cpuAfter.main - cpuBefore.main) / 1000 / each.perRound);
      each.all.push((cpuAfter.all - cpuBefore.all) / 1000 / each.perRound);
    }
  }
  const at = (values: number[], fraction: number) =>
    [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * fraction)] ?? 0;
  const figures = (values: number[]) =>
    [0, 0.25, 0.5].map((fraction) => at(values, fraction).toFixed(0)).join('/');
  process.stdout.write(
    `load average ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}\n`,
  );
  process.stdout.write('target                 main µs min/p25/p50   all threads µs   p50 ms\n');
  for (const each of chosen)
    process.stdout.write(
      `${each.name.padEnd(22)} ${figures(each.main).padEnd(21)} ${figures(each.all).padEnd(16)} ${at(latencies.get(each.name) ?? [], 0.5).toFixed(2)}\n`,
    );
  await Promise.all(Object.values(clients).map((client) => client.close()));
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await scratchBase.drop();
  await scratchHere.drop();
}
agent.destroy();
