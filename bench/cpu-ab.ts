/**
 * `npx tsx bench/cpu-ab.ts <other worktree> [rounds]`: the server CPU time per request of this
 * checkout against another (the code before a change), with the bare baselines, measured in turn
 * in shuffled order over one keep-alive connection each, so a shared machine's load falls on all
 * of them alike. CPU is read from /proc/<pid>/task/*\/schedstat (nanoseconds, Linux): the main
 * thread alone and the whole process. Prints min / p25 / median µs per request of the rounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { connectMcpClient, keepAliveGetter, startBenchServer, threadCpuNs } from './harness.js';

const here = path.resolve(import.meta.dirname, '..');
const other = path.resolve(process.argv[2] ?? '');
const rounds = Number(process.argv[3] ?? 20);
if (!fs.existsSync(path.join(other, 'bench/servers/switchboard-mcp.ts')))
  throw new Error('Usage: tsx bench/cpu-ab.ts <other worktree> [rounds]');

/** A tree's bench server (its own file, so its own code). */
const start = (root: string, file: string, env: Record<string, string>) =>
  startBenchServer(path.join(root, 'bench/servers', file), env);

const { get, close: closeConnection } = keepAliveGetter();

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
    bare: await connectMcpClient(bareMcp.url),
    before: await connectMcpClient(before.url, before.keys[0]),
    after: await connectMcpClient(after.url, after.keys[0]),
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
      const cpuBefore = threadCpuNs(each.pid);
      const times = latencies.get(each.name) ?? [];
      for (let n = 0; n < each.perRound; n++) {
        const started = performance.now();
        await each.once();
        times.push(performance.now() - started);
      }
      latencies.set(each.name, times);
      const cpuAfter = threadCpuNs(each.pid);
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
  closeConnection();
  await Promise.all(servers.map((server) => server.stop()));
  await scratchBase.drop();
  await scratchHere.drop();
}
