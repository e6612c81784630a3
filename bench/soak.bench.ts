/**
 * The soak: one person's Switchboard (the compiled server as `switchboard serve` runs it, the
 * embedded database or DATABASE_URL, the built-in assistant) used for
 * SOAK_SECONDS (default 600) by three clients at once — the chat, an MCP client and a REST
 * script — while the server's resident memory is read every five seconds. Then the load stops
 * and the memory is read again after SOAK_COOLDOWN_SECONDS (default 30). Run it by name:
 * `npm run bench soak`. SOAK_HEAP_SNAPSHOTS=1 writes heap snapshots of the server idle at the
 * start, a minute in, at the end of the load and after the cool-down (the directory is printed),
 * to compare with bench/soak/heap-summary.ts or in Chrome DevTools' Memory tab.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBuiltServer } from './soak/built-server.js';
import { chatUser } from './soak/chat-user.js';
import { mcpUser } from './soak/mcp-user.js';
import {
  childrenPssMb,
  cpuSeconds,
  heapMb,
  type MemorySample,
  residentMb,
  slopeMbPerMinute,
} from './soak/memory-samples.js';
import { restUser } from './soak/rest-user.js';
import { newTally } from './soak/tally.js';

export const title = 'Soak: resident memory through mixed chat, MCP and REST use';
/** Ten minutes is too long for a plain `npm run bench`. */
export const onlyWhenNamed = true;

const soakSeconds = Number(process.env.SOAK_SECONDS ?? 600);
const coolDownSeconds = Number(process.env.SOAK_COOLDOWN_SECONDS ?? 30);
const sampleEveryMs = 5_000;
/** Node options for the server alone (V8 heap settings to compare, say): SOAK_NODE_OPTIONS. */
const serverNodeOptions = (process.env.SOAK_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
const snapshotDir = process.env.SOAK_HEAP_SNAPSHOTS
  ? fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-soak-snapshots-'))
  : undefined;

/** A memory reading, with how many requests had been sent by then. */
type Sample = MemorySample & { requests: number };

export const subtitle = `(${soakSeconds} s of load by 3 clients at once, then ${coolDownSeconds} s idle; Node ${process.version}${
  serverNodeOptions.length > 0 ? `; server: ${serverNodeOptions.join(' ')}` : ''
}${process.env.MALLOC_ARENA_MAX ? `; MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}` : ''})`;

export async function run() {
  const server = await startBuiltServer({
    nodeOptions: [
      ...serverNodeOptions,
      ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : []),
    ],
  });
  const key = server.key;
  const tallies = { chat: newTally(), mcp: newTally(), rest: newTally() };
  const requests = () => tallies.chat.requests + tallies.mcp.requests + tallies.rest.requests;
  const samples: Sample[] = [];
  let started = Date.now();
  const sample = async () => {
    const seconds = (Date.now() - started) / 1000;
    samples.push({
      seconds,
      residentMb: residentMb(server.pid),
      childrenMb: childrenPssMb(server.pid),
      cpuSeconds: cpuSeconds(server.pid),
      ...(await heapMb(server.url)),
      requests: requests(),
    });
  };
  try {
    await sample(); // idle, just started
    if (snapshotDir) await snapshotNow(server.pid, snapshotDir);
    started = Date.now();
    const until = started + soakSeconds * 1000;
    const sampler = setInterval(() => void sample(), sampleEveryMs);
    const snapshot = snapshotDir ? setTimeout(() => process.kill(server.pid, 'SIGUSR2'), 60_000) : undefined;
    await Promise.all([
      chatUser({ url: server.url, key, until, tally: tallies.chat }),
      mcpUser({ url: server.url, key, until, tally: tallies.mcp }),
      restUser({ url: server.url, key, until, tally: tallies.rest }),
    ]);
    clearInterval(sampler);
    clearTimeout(snapshot);
    await sample();
    const loadEnd = samples.length - 1;
    if (snapshotDir) process.kill(server.pid, 'SIGUSR2');
    await sleep(coolDownSeconds * 1000);
    await sample();
    if (snapshotDir) await snapshotNow(server.pid, snapshotDir);
    for (const [who, tally] of Object.entries(tallies))
      if (tally.firstError)
        process.stderr.write(`${who}: ${tally.errors} errors, the first: ${tally.firstError}\n`);
    if (snapshotDir) process.stderr.write(`heap snapshots in ${snapshotDir}\n`);
    process.stderr.write(`V8 collections over the last half (s), by kind: ${gcLine(samples, loadEnd)}\n`);
    for (const [at, index] of [
      ['end of load', loadEnd],
      ['after the cool-down', loadEnd + 1],
    ] as const)
      process.stderr.write(`V8 heap spaces held (MB), ${at}: ${spaceLine(samples[index])}\n`);
    return table(samples, loadEnd, tallies);
  } finally {
    await server.stop();
  }
}

/** Signals the server to write a heap snapshot and waits until the file is complete. */
async function snapshotNow(pid: number, dir: string) {
  const before = new Set(fs.readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await sleep(1_000);
    const written = fs.readdirSync(dir).find((name) => !before.has(name));
    // The file grows as it is written: it is complete once its size stops changing.
    if (written) {
      const size = fs.statSync(path.join(dir, written)).size;
      await sleep(1_000);
      if (size > 0 && fs.statSync(path.join(dir, written)).size === size) return;
    }
  }
}

/** Seconds in each kind of collection between the middle of the load and its end, and how many requests. */
function gcLine(samples: Sample[], loadEnd: number) {
  const last = samples[loadEnd];
  const halfway = samples.slice(1, loadEnd + 1).find((sample) => sample.seconds >= soakSeconds / 2);
  if (!last || !halfway) return '';
  return `${Object.entries(last.gcSeconds)
    .map(([kind, seconds]) => `${kind} ${(seconds - (halfway.gcSeconds[kind] ?? 0)).toFixed(2)}`)
    .join(
      ', ',
    )}; CPU ${(last.cpuSeconds - halfway.cpuSeconds).toFixed(1)}; ${last.requests - halfway.requests} requests`;
}

function spaceLine(sample: Sample | undefined) {
  return Object.entries(sample?.spacesMb ?? {})
    .map(([space, mb]) => `${space} ${mb.toFixed(1)}`)
    .join(', ');
}

/** Checkpoints (start, each tenth of the soak, end, after the cool-down), the peak, and the slope. */
function table(
  samples: Sample[],
  loadEnd: number,
  tallies: Record<string, { requests: number; errors: number }>,
) {
  const during = samples.slice(1, loadEnd + 1);
  const row = (at: string, sample: Sample | undefined) => ({
    at,
    'RSS MB': sample ? sample.residentMb.toFixed(0) : '',
    'heap used MB': sample ? sample.heapUsedMb.toFixed(0) : '',
    'heap held MB': sample ? sample.heapTotalMb.toFixed(0) : '',
    'young MB': sample ? (sample.spacesMb.new ?? Number.NaN).toFixed(0) : '',
    'code MB': sample ? (sample.spacesMb.code ?? Number.NaN).toFixed(0) : '',
    'external MB': sample ? sample.externalMb.toFixed(0) : '',
    'Postgres MB': sample && Number.isFinite(sample.childrenMb) ? sample.childrenMb.toFixed(0) : '',
    requests: sample ? sample.requests : '',
    'CPU ms/request': '',
    'GC ms/request': '',
  });
  const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)} min`;
  const rows = [row('start (idle)', samples[0])];
  const picked: Sample[] = [];
  for (let tenth = 1; tenth < 10; tenth += 1) {
    const wanted = (soakSeconds * tenth) / 10;
    const nearest = during.reduce<Sample | undefined>(
      (best, sample) =>
        !best || Math.abs(sample.seconds - wanted) < Math.abs(best.seconds - wanted) ? sample : best,
      undefined,
    );
    if (nearest && nearest !== picked.at(-1)) {
      picked.push(nearest);
      rows.push(row(minutes(nearest.seconds), nearest));
    }
  }
  rows.push(row(`end of load (${minutes(soakSeconds)})`, samples[loadEnd]));
  rows.push(row(`after ${coolDownSeconds} s idle`, samples[loadEnd + 1]));
  const peak = during.reduce<Sample | undefined>(
    (best, sample) => (!best || sample.residentMb > best.residentMb ? sample : best),
    undefined,
  );
  rows.push(row(`peak (at ${minutes(peak?.seconds ?? 0)})`, peak));
  const lastHalf = during.filter((sample) => sample.seconds >= soakSeconds / 2);
  // The server's CPU time per request over the last half: the libraries' first loads are behind it.
  const [halfway, last] = [lastHalf[0], lastHalf.at(-1)];
  const cpuPerRequest =
    halfway && last && last.requests > halfway.requests
      ? ((last.cpuSeconds - halfway.cpuSeconds) / (last.requests - halfway.requests)) * 1000
      : Number.NaN;
  // The main thread's time in V8's collections a request over the last half (pauses, not the
  // concurrent marking's helper threads, which the CPU figure includes).
  const gcTotal = (sample: Sample) =>
    Object.values(sample.gcSeconds).reduce((sum, seconds) => sum + seconds, 0);
  const gcPerRequest =
    halfway && last && last.requests > halfway.requests
      ? ((gcTotal(last) - gcTotal(halfway)) / (last.requests - halfway.requests)) * 1000
      : Number.NaN;
  const errors = Object.values(tallies).reduce((sum, tally) => sum + tally.errors, 0);
  rows.push({
    at: 'over the last half: slope, CPU',
    'RSS MB': `${slopeMbPerMinute(lastHalf) >= 0 ? '+' : ''}${slopeMbPerMinute(lastHalf).toFixed(1)}/min`,
    'heap used MB': '',
    'heap held MB': '',
    'young MB': '',
    'code MB': '',
    'external MB': '',
    'Postgres MB': '',
    requests: `${errors} errors`,
    'CPU ms/request': cpuPerRequest.toFixed(2),
    'GC ms/request': gcPerRequest.toFixed(2),
  });
  return rows;
}
