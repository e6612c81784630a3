/**
 * Workflows: what a step costs in our engine over calling the same tool directly, and runs/s of a
 * 3-step workflow with 20 at once, beside Mastra running the same 3-step workflow in this process
 * with its default storage. Each step is the echo fixture tool through our tool runner, so the
 * tool's own cost is the same everywhere and the difference is the engine's. Our runs are durable
 * (every step checkpointed in Postgres by DBOS); Mastra's default in-memory store keeps nothing.
 * Goal (issue 18): our per-step overhead <= 0.5x Mastra's.
 */
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { mastraThreeSteps } from './workflows/mastra.js';
import { startSwitchboard } from './workflows/switchboard.js';

export const title =
  'Workflows: per-step overhead and runs/s of a 3-step workflow, Switchboard (DBOS) vs Mastra';
export const subtitle = `(each measurement up to BENCH_SECONDS, 20 at once for runs/s, Node ${process.version})`;

const concurrency = 20;
const warmUps = 20;
const maxSequential = 500;
const directName = 'tool called directly (3 calls)';
const mastraName = 'Mastra 1.71 (default storage)';

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

export async function run({ seconds }: { seconds: number }) {
  const scratch = await createScratchPostgres();
  const switchboard = await startSwitchboard(scratch.url);
  try {
    const echo = (message: string) => switchboard.echo(message);
    const threeCalls = async (index: number) => {
      let message = `message ${index}`;
      for (let step = 0; step < 3; step++) message = await echo(message);
    };
    const mastra = mastraThreeSteps(echo);
    const ours = await switchboard.threeStepRunner();

    const direct = await sequential(seconds, threeCalls);
    const mastraTiming = await sequential(seconds, (index) => mastra.runOnce(`message ${index}`));
    const mastraLoad = await throughput(seconds, (index) => mastra.runOnce(`message ${index}`));
    const oursTiming = await sequential(seconds, (index) => ours(`message ${index}`));
    const oursLoad = await throughput(seconds, (index) => ours(`message ${index}`));

    // Per step: (a run − the 3 direct calls) / 3, by the median and by the mean (which counts the stalls).
    const perStep = (timing: Timing) => ({
      p50: (timing.p50Ms - direct.p50Ms) / 3,
      mean: (timing.meanMs - direct.meanMs) / 3,
    });
    const mastraPerStep = perStep(mastraTiming);
    const row = (
      name: string,
      durability: string,
      timing: Timing | undefined,
      load?: { perSecond: number; failed: number },
    ) => {
      const engine = timing && name !== directName ? perStep(timing) : undefined;
      const isOurs = engine && name !== mastraName;
      return {
        engine: name,
        durable: durability,
        'runs timed': timing?.runs ?? '—',
        'run p50 ms': timing ? timing.p50Ms.toFixed(2) : '—',
        'run mean ms': timing ? timing.meanMs.toFixed(2) : '—',
        'run p99 ms': timing ? timing.p99Ms.toFixed(2) : '—',
        'per step ms (p50 / mean)': engine ? `${engine.p50.toFixed(3)} / ${engine.mean.toFixed(3)}` : '',
        'vs Mastra per step (p50 / mean)': isOurs
          ? `${(engine.p50 / mastraPerStep.p50).toFixed(2)}x / ${(engine.mean / mastraPerStep.mean).toFixed(2)}x`
          : '',
        [`runs/s, ${concurrency} at once`]: load
          ? `${load.perSecond.toFixed(1)}${load.failed ? ` (${load.failed} failed)` : ''}`
          : '',
      };
    };
    return [
      row(directName, '', direct),
      row(mastraName, 'no (in memory)', mastraTiming, mastraLoad),
      row('Switchboard (DBOS on Postgres)', 'yes', oursTiming, oursLoad),
    ];
  } finally {
    await switchboard.close();
    await scratch.drop();
  }
}
