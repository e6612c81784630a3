/**
 * `npx tsx bench/async-census.ts [worktree] [calls]`: how many async resources (promises, ticks,
 * timers…) a served process creates per request, by type: GET /readyz, MCP `tools/call` echo and
 * list_tasks (50 tasks), one client, after a warm-up. The server is bench/servers/switchboard-mcp.ts
 * of the given worktree (this one by default), built as `serve` builds it, with
 * bench/async-census/count-inits.ts preloaded. ASYNC_CENSUS_STACKS=1 (or =internal, with Node's own
 * frames) also prints where the
 * resources of each load came from (the most frequent creation stacks). Counts, not times: they
 * are exact on a busy machine, and each resource costs the engine's promise hook on Node 20.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { connectMcpClient, keepAliveGetter, startBenchServer } from './harness.js';

const root = path.resolve(process.argv[2] ?? path.resolve(import.meta.dirname, '..'));
const calls = Number(process.argv[3] ?? 200);
const preload = path.join(import.meta.dirname, 'async-census/count-inits.ts');
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'async-census-')), 'counts.json');

interface Census {
  counts: Record<string, number>;
  stacks: Record<string, number>;
}

/** What the server counted since the last call (SIGUSR2, then the file it writes). */
async function census(pid: number): Promise<Census> {
  fs.rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  while (!fs.existsSync(file)) await sleep(5);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Census;
}

const { get, close: closeConnection } = keepAliveGetter();

const scratch = await createScratchPostgres();
process.env.BENCH_SERVER_NODE_OPTIONS = `--import tsx --import ${preload}`;
const server = await startBenchServer(path.join(root, 'bench/servers/switchboard-mcp.ts'), {
  DATABASE_URL: scratch.url,
  ASYNC_CENSUS_FILE: file,
});
try {
  const client = await connectMcpClient(server.url, server.keys[0]);
  const loads: Record<string, () => Promise<unknown>> = {
    readyz: () => get(`${server.url}/readyz`),
    echo: () => client.callTool({ name: 'echo', arguments: { message: 'hello' } }),
    list_tasks: () => client.callTool({ name: 'list_tasks', arguments: { limit: 50 } }),
  };
  for (const [name, once] of Object.entries(loads)) {
    for (let n = 0; n < 300; n++) await once();
    await sleep(50); // the batches of the warm-up written
    await census(server.pid);
    for (let n = 0; n < calls; n++) await once();
    await sleep(50); // this load's batches written too
    const { counts, stacks } = await census(server.pid);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const byType = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => `${type} ${(count / calls).toFixed(1)}`)
      .join(', ');
    process.stdout.write(`${name}: ${(total / calls).toFixed(1)} per request (${byType})\n`);
    for (const [stack, count] of Object.entries(stacks)
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.ASYNC_CENSUS_STACKS_SHOWN ?? 40)))
      process.stdout.write(`  ${(count / calls).toFixed(2).padStart(6)}  ${stack}\n`);
  }
  await client.close();
} finally {
  await server.stop();
  await scratch.drop();
  closeConnection();
}
