/**
 * tools/call round trips over Streamable HTTP: Switchboard's /mcp (API key auth, audit, events)
 * against the official SDK's bare server with the same echo tool, in the same run, with 1 and 32
 * concurrent clients, in alternating turns (bench/turns.ts); the same bare server on a bare Fastify
 * route between them shows what Fastify itself costs a call; and list_tasks over 50 tasks on the
 * embedded database.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { type BenchServer, benchServers, connectMcpClient, goalCell, processCpuMs } from './harness.js';
import { type Totals, type Turn, cpuRatio, inTurns, rateRatio, turnCount, turnsSubtitle } from './turns.js';

export const title = 'MCP tools/call over Streamable HTTP: Switchboard vs the bare SDK server';

export const subtitle = turnsSubtitle('1 and 32 clients');

export async function run({ seconds }: { seconds: number }) {
  const group = benchServers();
  /** Every session opened, closed at the end whatever happened. */
  const opened: Client[] = [];
  const connect = async (server: BenchServer, clients: number) => {
    const sessions = await connectClients(server, clients);
    opened.push(...sessions);
    return sessions;
  };
  const turnSeconds = seconds / turnCount;
  const rows = [];
  try {
    const servers = {
      'bare SDK server': await group.start('bare-mcp.ts'),
      'bare SDK server in Fastify': await group.start('bare-mcp-fastify.ts'),
      Switchboard: await group.start('switchboard-mcp.ts'),
    };
    const names = Object.keys(servers) as (keyof typeof servers)[];
    const echo = { tool: 'echo', args: { message: 'hello' } };
    for (const clients of [1, 32]) {
      const connected = {} as Record<(typeof names)[number], Client[]>;
      for (const name of names) connected[name] = await connect(servers[name], clients);
      for (const sessions of Object.values(connected)) await warmUp(sessions, echo);
      const totals = await inTurns(names, (name) =>
        callTurn(connected[name], { ...echo, seconds: turnSeconds, pid: servers[name].pid }),
      );
      const baseline = totals['bare SDK server'];
      for (const name of names) rows.push(row('echo', name, clients, totals[name], baseline));
    }
    const listing = { tool: 'list_tasks', args: { limit: 50 } };
    for (const clients of [1, 32]) {
      const sessions = await connect(servers.Switchboard, clients);
      await warmUp(sessions, listing);
      const totals = await inTurns(['Switchboard'] as const, () =>
        callTurn(sessions, { ...listing, seconds: turnSeconds, pid: servers.Switchboard.pid }),
      );
      rows.push(row('list_tasks (50 tasks)', 'Switchboard', clients, totals.Switchboard, undefined));
    }
  } finally {
    await Promise.allSettled(opened.map((client) => client.close()));
    await group.stopAll();
  }
  return rows;
}

/** `count` MCP sessions on `server`, taking its API keys in turn (the bare server has none). */
function connectClients(server: BenchServer, count: number): Promise<Client[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      connectMcpClient(server.url, server.keys[index % Math.max(1, server.keys.length)]),
    ),
  );
}

interface Call {
  tool: string;
  args: Record<string, unknown>;
}

async function warmUp(sessions: Client[], { tool, args }: Call) {
  await Promise.all(
    sessions.map(async (client) => {
      for (let n = 0; n < 20; n++) await client.callTool({ name: tool, arguments: args });
    }),
  );
}

/** Every session calls `tool` in a loop for `seconds`: one turn (bench/turns.ts). */
async function callTurn(
  sessions: Client[],
  { tool, args, seconds, pid }: Call & { seconds: number; pid: number },
): Promise<Turn> {
  const latencies: number[] = [];
  const cpuBefore = processCpuMs(pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    sessions.map(async (client) => {
      while (performance.now() < deadline) {
        const before = performance.now();
        const result = await client.callTool({ name: tool, arguments: args });
        if (result.isError) throw new Error(`${tool} failed: ${JSON.stringify(result.content)}`);
        latencies.push(performance.now() - before);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = processCpuMs(pid);
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0;
  return {
    count: latencies.length,
    seconds: elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors: 0,
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}),
  };
}

function row(tool: string, server: string, clients: number, totals: Totals, baseline: Totals | undefined) {
  return {
    tool,
    server,
    clients,
    'calls/s': Math.round(totals.perSecond),
    'p50 ms': totals.p50Ms.toFixed(2),
    'p99 ms': totals.p99Ms.toFixed(2),
    'calls/s vs bare (turns)': baseline ? rateRatio(totals, baseline) : '',
    'server CPU µs/call': totals.cpuUsPerRequest?.toFixed(0) ?? '',
    'CPU vs bare': baseline ? cpuRatio(totals, baseline) : '',
    ...(server === 'Switchboard' && { goal: goalOf(clients, totals, baseline) }),
  };
}

/** Switchboard's goals: echo at 0.9x the bare SDK server or better, `list_tasks` for one client under 2 ms. */
function goalOf(clients: number, totals: Totals, baseline: Totals | undefined) {
  if (baseline) return goalCell('≥ 0.9x', totals.perSecond >= 0.9 * baseline.perSecond);
  return clients === 1 ? goalCell('p50 < 2 ms', totals.p50Ms < 2) : '';
}
