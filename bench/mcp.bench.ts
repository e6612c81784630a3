/**
 * tools/call round trips over Streamable HTTP: Switchboard's /mcp (API key auth, audit, events)
 * against the official SDK's bare server with the same echo tool, in the same run, with 1 and 32
 * concurrent clients; and list_tasks over 50 tasks on the embedded database.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { processCpuMs, startBenchServer } from './harness.js';
import { fetchWithOwnSignal } from './own-signal-fetch.js';

export const title = 'MCP tools/call over Streamable HTTP: Switchboard vs the bare SDK server';

interface Figures {
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's CPU time per call in microseconds (Linux): steadier than calls/s on a shared machine. */
  cpuUsPerCall: number | undefined;
}

export async function run({ seconds }: { seconds: number }) {
  const bare = await startBenchServer('bare-mcp.ts', {});
  const switchboard = await startBenchServer('switchboard-mcp.ts', {});
  const rows = [];
  try {
    for (const clients of [1, 32]) {
      const baseline = await measure({
        url: bare.url,
        pid: bare.pid,
        clients,
        seconds,
        tool: 'echo',
        args: { message: 'hello' },
      });
      const ours = await measure({
        url: switchboard.url,
        pid: switchboard.pid,
        keys: switchboard.keys,
        clients,
        seconds,
        tool: 'echo',
        args: { message: 'hello' },
      });
      rows.push(row('echo', 'bare SDK server', clients, baseline, baseline));
      rows.push(row('echo', 'Switchboard', clients, ours, baseline));
    }
    for (const clients of [1, 32]) {
      const listing = await measure({
        url: switchboard.url,
        pid: switchboard.pid,
        keys: switchboard.keys,
        clients,
        seconds,
        tool: 'list_tasks',
        args: { limit: 50 },
      });
      rows.push(row('list_tasks (50 tasks)', 'Switchboard', clients, listing, undefined));
    }
  } finally {
    await Promise.all([bare.stop(), switchboard.stop()]);
  }
  return rows;
}

async function measure({
  url,
  pid,
  keys = [],
  clients,
  seconds,
  tool,
  args,
}: {
  url: string;
  pid: number;
  /** API keys the clients take in turn (none for the bare server). */
  keys?: string[];
  clients: number;
  seconds: number;
  tool: string;
  args: Record<string, unknown>;
}): Promise<Figures> {
  const connected = await Promise.all(
    Array.from({ length: clients }, async (_, index) => {
      const client = new Client({ name: 'bench', version: '1.0.0' });
      const key = keys[index % Math.max(1, keys.length)];
      const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
          fetch: fetchWithOwnSignal,
          requestInit: { headers },
        }),
      );
      return client;
    }),
  );
  const call = (client: Client) => client.callTool({ name: tool, arguments: args });
  await Promise.all(
    connected.map(async (client) => {
      for (let n = 0; n < 20; n++) await call(client);
    }),
  ); // warm-up

  const latencies: number[] = [];
  const cpuBefore = processCpuMs(pid);
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    connected.map(async (client) => {
      while (performance.now() < deadline) {
        const before = performance.now();
        const result = await call(client);
        if (result.isError) throw new Error(`${tool} failed: ${JSON.stringify(result.content)}`);
        latencies.push(performance.now() - before);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = processCpuMs(pid);
  await Promise.all(connected.map((client) => client.close()));
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0;
  const cpuUsPerCall =
    cpuBefore === undefined || cpuAfter === undefined
      ? undefined
      : ((cpuAfter - cpuBefore) * 1000) / Math.max(1, latencies.length);
  return { callsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), cpuUsPerCall };
}

function row(tool: string, server: string, clients: number, figures: Figures, baseline: Figures | undefined) {
  return {
    tool,
    server,
    clients,
    'calls/s': Math.round(figures.callsPerSecond),
    'p50 ms': figures.p50Ms.toFixed(2),
    'p99 ms': figures.p99Ms.toFixed(2),
    'calls/s vs bare': baseline ? (figures.callsPerSecond / baseline.callsPerSecond).toFixed(2) : '',
    'server CPU µs/call': figures.cpuUsPerCall?.toFixed(0) ?? '',
    'CPU vs bare':
      baseline?.cpuUsPerCall && figures.cpuUsPerCall
        ? (figures.cpuUsPerCall / baseline.cpuUsPerCall).toFixed(2)
        : '',
  };
}
