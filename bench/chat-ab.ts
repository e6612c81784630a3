/**
 * `npx tsx bench/chat-ab.ts <other worktree> [rounds] [chats a round]`: the chat's time to first
 * token and server CPU per chat of this checkout against another (the code before a change), both
 * on scratch databases of the same Postgres (DATABASE_URL, else 127.0.0.1:5432) and one fake model,
 * asked in turn in shuffled order round after round, so a shared machine's load falls on both
 * alike. The fake model is asked directly in each round too. CPU is read from
 * /proc/<pid>/task/*\/schedstat (Linux). Prints medians: time to first token over every chat, CPU
 * per chat over the rounds. BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it
 * stops (named by its pid, printed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { startFakeModelServer } from '../test/helpers/fake-model-server.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { chatThrough, directly, oneLineRequest } from './chat-requests.js';
import { startBenchServer, threadCpuNs } from './harness.js';

const here = path.resolve(import.meta.dirname, '..');
const other = path.resolve(process.argv[2] ?? '');
const rounds = Number(process.argv[3] ?? 12);
const perRound = Number(process.argv[4] ?? 20);
if (!fs.existsSync(path.join(other, 'bench/servers/switchboard-chat.ts')))
  throw new Error('Usage: tsx bench/chat-ab.ts <other worktree> [rounds] [chats a round]');

/** A tree's chat server (its own bench/servers/switchboard-chat.ts, so its own code). */
const start = (root: string, env: Record<string, string>) =>
  startBenchServer(path.join(root, 'bench/servers/switchboard-chat.ts'), env);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const model = await startFakeModelServer();
const reply = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');
const scriptAll = (count: number) => model.script(...Array.from({ length: count }, () => ({ text: reply })));
const databases = [await createScratchPostgres(), await createScratchPostgres()];
const servers = {
  before: await start(other, { DATABASE_URL: databases[0]?.url ?? '', MODEL_BASE_URL: model.baseUrl }),
  after: await start(here, { DATABASE_URL: databases[1]?.url ?? '', MODEL_BASE_URL: model.baseUrl }),
};
const results = {
  before: { ttft: [] as number[], cpu: [] as number[] },
  after: { ttft: [] as number[], cpu: [] as number[] },
};
const directTtft: number[] = [];
try {
  for (const server of Object.values(servers)) {
    scriptAll(30);
    for (let index = 0; index < 30; index += 1) await chatThrough(server, index);
  }
  for (let round = 0; round < rounds; round += 1) {
    const order = (
      Math.random() < 0.5 ? ['before', 'after'] : ['after', 'before']
    ) as (keyof typeof servers)[];
    for (const name of order) {
      scriptAll(perRound);
      const cpuBefore = threadCpuNs(servers[name].pid).all;
      for (let index = 0; index < perRound; index += 1)
        results[name].ttft.push((await chatThrough(servers[name], index)).ttftMs);
      results[name].cpu.push((threadCpuNs(servers[name].pid).all - cpuBefore) / 1e6 / perRound);
    }
    scriptAll(perRound);
    for (let index = 0; index < perRound; index += 1)
      directTtft.push(await directly(model.baseUrl, oneLineRequest));
  }
  const directP50 = median(directTtft);
  process.stdout.write(
    `Node ${process.version}, ${rounds} rounds of ${perRound} chats; fake model alone p50 ${directP50.toFixed(2)} ms` +
      ` (servers: before ${servers.before.pid}, after ${servers.after.pid})\n`,
  );
  for (const [name, result] of Object.entries(results))
    process.stdout.write(
      `${name.padEnd(6)} TTFT p50 ${median(result.ttft).toFixed(2)} ms, added p50 ${(median(result.ttft) - directP50).toFixed(2)} ms, ` +
        `server CPU a chat: median ${median(result.cpu).toFixed(2)} ms (rounds ${result.cpu.map((cpu) => cpu.toFixed(1)).join(' ')})\n`,
    );
} finally {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  await model.close();
  await Promise.all(databases.map((database) => database?.drop()));
}
