/**
 * Workflows: what a step costs in our engine over calling the same tool directly, and runs/s of a
 * 3-step workflow with 20 at once, beside Mastra running the same 3-step workflow in this process,
 * with its default storage and with `@mastra/pg` on the same Postgres. Each step is the echo fixture
 * tool through our tool runner, so the tool's own cost is the same everywhere and the difference is
 * the engine's (Mastra is installed in bench/baselines on the first run: see mastra-baseline.ts). Our runs are durable (every step checkpointed in Postgres by DBOS); Mastra's default
 * in-memory store keeps nothing. Goal (issue 18): our per-step overhead <= 0.5x Mastra's default's.
 * Switchboard runs on both set-ups: the test Postgres (DATABASE_URL) and the embedded server it
 * starts in a data directory of its own.
 *
 * The machine is shared: the engines are measured in turn, in BENCH_ROUNDS rounds (3 unless set),
 * and each figure is the median of the rounds. DBOS is one per process, so each round opens the
 * Switchboard on Postgres (it also serves the echo tool to the direct calls and Mastra's steps),
 * measures it and the others, closes it, then opens the embedded one and measures it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { loadMastraThreeSteps } from './workflows/mastra-baseline.js';
import { startSwitchboard, type SwitchboardDatabase } from './workflows/switchboard.js';

export const title =
  'Workflows: per-step overhead and runs/s of a 3-step workflow, Switchboard (DBOS) vs Mastra';
export const subtitle = `(each measurement up to BENCH_SECONDS, 20 at once for runs/s, median of BENCH_ROUNDS rounds, Node ${process.version})`;

const concurrency = 20;
const warmUps = 20;
const maxSequential = 500;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

interface Timing {
  runs: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs `once` one after another for `seconds` (at most `maxSequential` times), after a warm-up. */
async function sequential(seconds: number, once: (index: number) => Promise<void>): Promise<Timing> {
  for (let index = 0; index < warmUps; index++) await once(index);
  const durations: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until && durations.length < maxSequential) {
    const started = performance.now();
    await once(durations.length);
    durations.push(performance.now() - started);
  }
  durations.sort((one, other) => one - other);
  const at = (share: number) =>
    durations[Math.min(durations.length - 1, Math.floor(share * durations.length))] ?? 0;
  return {
    runs: durations.length,
    meanMs: durations.reduce((sum, value) => sum + value, 0) / durations.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

/** `concurrency` loops of `once` for `seconds`: runs finished per second, and failures. */
async function throughput(seconds: number, once: (index: number) => Promise<void>) {
  let finished = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        await once(worker).then(
          () => finished++,
          () => failed++,
        );
      }
    }),
  );
  return { perSecond: finished / ((performance.now() - started) / 1000), failed };
}

type Switchboard = Awaited<ReturnType<typeof startSwitchboard>>;

interface Engine {
  name: string;
  durable: string;
  /** The Switchboard open while this engine is measured. */
  on: 'postgres' | 'embedded';
  once: (switchboard: Switchboard, index: number) => Promise<void>;
  /** Measured under load too (not the direct calls). */
  load: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((one, other) => one - other);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export async function run({ seconds }: { seconds: number }) {
  const scratch = await createScratchPostgres();
  // Mastra's tables in a database of their own on the same server, as ours are.
  const mastraScratch = await createScratchPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  // Run as root, the embedded server runs as "postgres", which must be able to pass through it.
  fs.chmodSync(dataDir, 0o711);
  const databases: Record<Engine['on'], SwitchboardDatabase> = {
    postgres: { databaseUrl: scratch.url },
    embedded: { dataDir },
  };
  let open: Switchboard | undefined;
  /** The echo tool of the Switchboard open now (the one on Postgres while Mastra is measured). */
  const echo = (message: string) => {
    if (!open) throw new Error('no Switchboard is open');
    return open.echo(message);
  };
  const mastraThreeSteps = await loadMastraThreeSteps();
  const mastraInMemory = await mastraThreeSteps(echo);
  const mastraOnPostgres = await mastraThreeSteps(echo, mastraScratch.url);
  try {
    const threeCalls = async (_: Switchboard, index: number) => {
      let message = `message ${index}`;
      for (let step = 0; step < 3; step++) message = await echo(message);
    };
    const engines: Engine[] = [
      { name: 'tool called directly (3 calls)', durable: '', on: 'postgres', once: threeCalls, load: false },
      {
        name: 'Mastra 1.71, default storage',
        durable: 'no (in memory)',
        on: 'postgres',
        once: (_, index) => mastraInMemory.runOnce(`message ${index}`),
        load: true,
      },
      {
        name: 'Mastra 1.71, @mastra/pg (PostgresStore)',
        durable: 'snapshots in Postgres',
        on: 'postgres',
        once: (_, index) => mastraOnPostgres.runOnce(`message ${index}`),
        load: true,
      },
      {
        name: 'Switchboard (DBOS on Postgres)',
        durable: 'yes, each step',
        on: 'postgres',
        once: (switchboard, index) => switchboard.runThreeSteps(`message ${index}`),
        load: true,
      },
      {
        name: 'Switchboard (DBOS on the embedded server)',
        durable: 'yes, each step',
        on: 'embedded',
        once: (switchboard, index) => switchboard.runThreeSteps(`message ${index}`),
        load: true,
      },
    ];
    const timings = engines.map(() => [] as Timing[]);
    const loads = engines.map(() => [] as { perSecond: number; failed: number }[]);
    for (let round = 0; round < rounds; round++) {
      for (const on of ['postgres', 'embedded'] as const) {
        open = await startSwitchboard(databases[on]);
        try {
          for (const [index, engine] of engines.entries()) {
            if (engine.on !== on) continue;
            const once = (runIndex: number) => engine.once(open as Switchboard, runIndex);
            timings[index]?.push(await sequential(seconds, once));
            if (engine.load) loads[index]?.push(await throughput(seconds, once));
          }
        } finally {
          await open.close();
          open = undefined;
        }
      }
    }
    const of = (index: number) => {
      const all = timings[index] ?? [];
      const load = loads[index] ?? [];
      return {
        runs: all.reduce((sum, timing) => sum + timing.runs, 0),
        p50Ms: median(all.map((timing) => timing.p50Ms)),
        meanMs: median(all.map((timing) => timing.meanMs)),
        p99Ms: median(all.map((timing) => timing.p99Ms)),
        perSecond: load.length ? median(load.map((one) => one.perSecond)) : undefined,
        failed: load.reduce((sum, one) => sum + one.failed, 0),
      };
    };
    const direct = of(0);
    // Per step: (a run − the 3 direct calls) / 3, by the median and by the mean (which counts the stalls).
    const perStep = (timing: ReturnType<typeof of>) => ({
      p50: (timing.p50Ms - direct.p50Ms) / 3,
      mean: (timing.meanMs - direct.meanMs) / 3,
    });
    const inMemory = perStep(of(1));
    const onPostgres = perStep(of(2));
    const ratio = (engine: { p50: number; mean: number }, base: { p50: number; mean: number }) =>
      `${(engine.p50 / base.p50).toFixed(2)}x / ${(engine.mean / base.mean).toFixed(2)}x`;
    return engines.map((engine, index) => {
      const timing = of(index);
      const step = index > 0 ? perStep(timing) : undefined;
      return {
        engine: engine.name,
        durable: engine.durable,
        'runs timed': timing.runs,
        'run p50 ms': timing.p50Ms.toFixed(2),
        'run mean ms': timing.meanMs.toFixed(2),
        'run p99 ms': timing.p99Ms.toFixed(2),
        'per step ms (p50 / mean)': step ? `${step.p50.toFixed(3)} / ${step.mean.toFixed(3)}` : '',
        'vs Mastra in memory (p50 / mean)': step && index !== 1 ? ratio(step, inMemory) : '',
        'vs Mastra on Postgres (p50 / mean)': step && index !== 2 ? ratio(step, onPostgres) : '',
        [`runs/s, ${concurrency} at once`]:
          timing.perSecond === undefined
            ? ''
            : `${timing.perSecond.toFixed(1)}${timing.failed ? ` (${timing.failed} failed)` : ''}`,
      };
    });
  } finally {
    await open?.close();
    await mastraOnPostgres.close();
    await mastraScratch.drop();
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
