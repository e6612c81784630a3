import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/**
 * The most the young generation (V8's new space: where new objects go, two semi-spaces) may hold
 * under `switchboard serve`. V8's own limit on 64-bit Node 20 is 32 MB (two of 16 MB), which it
 * reaches within a minute of load and keeps until the process is idle; 16 MB held the soak's
 * collection time per request where it was (docs/resident-memory.md, "Fifth look").
 */
export const youngGenerationMb = 16;

/**
 * Caps the young generation at `youngGenerationMb` for `switchboard serve`, unless the Node options
 * size the semi-spaces themselves (an operator's choice wins). V8 sizes the semi-spaces' maximum
 * when the process starts (`--max-semi-space-size`), but it reads `--semi-space-growth-factor`
 * each time it grows them (after a scavenge, doubling them by default). So after each collection
 * the factor is set to what takes the young generation to the cap in one more step and no
 * further: 1 once there. After an idle time V8 shrinks the young generation (its memory reducer),
 * and the factor lets it grow back. (A timer instead of the collections' own entries let two
 * steps pass between looks: 32 MB in a churn.)
 * Answers whether the cap was set.
 */
export function capYoungGeneration(
  nodeOptions = [process.env.NODE_OPTIONS ?? '', ...process.execArgv].join(' '),
): boolean {
  if (/--(max|min)[-_]semi[-_]space[-_]size\b|--semi[-_]space[-_]growth[-_]factor\b/.test(nodeOptions))
    return false;
  let factor = 2; // V8's default
  const steer = () => {
    const next = growthFactorTowards((youngGenerationMb / 2) * 1024 * 1024, semiSpaceBytes());
    if (next === factor) return;
    factor = next;
    v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  };
  steer();
  new PerformanceObserver(steer).observe({ entryTypes: ['gc'] });
  return true;
}

/** The factor that grows a semi-space from `now` to at most `cap` in one step (V8 grows by whole factors). */
export function growthFactorTowards(cap: number, now: number): number {
  return Math.max(1, Math.floor(cap / Math.max(now, 1)));
}

/**
 * One semi-space's capacity, which V8 multiplies by the factor: what it holds and what is left,
 * or half the space held when that is more (half the space held alone would read too little if V8
 * held only one semi-space after shrinking them, and the factor would then overshoot).
 */
function semiSpaceBytes(): number {
  const space = v8.getHeapSpaceStatistics().find(({ space_name }) => space_name === 'new_space');
  if (!space) return 0;
  return Math.max(space.space_used_size + space.space_available_size, space.space_size / 2);
}
