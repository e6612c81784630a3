/**
 * Measuring servers side by side in turns. On a shared 2-core machine one long run each, one
 * after the other, showed the machine's drift more than the servers: the same bare server moved
 * 15–30 % between runs minutes apart. The servers stay up and are driven in short alternating
 * turns (A B C, C B A, A B C …), so a change in the machine's load falls on all of them, and each
 * turn's ratio is shown beside the sum's.
 */

/** One turn's figures for one server. */
export interface Turn {
  /** Requests (or calls) answered in the turn. */
  count: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The server's CPU time over the turn in ms (Linux), when its process id is known. */
  cpuMs?: number;
}

/** Several turns' figures for one server. */
export interface Totals {
  perSecond: number;
  /** The median of the turns' p50 (and p99): percentiles do not add up across turns. */
  p50Ms: number;
  p99Ms: number;
  errors: number;
  cpuUsPerRequest: number | undefined;
  turns: Turn[];
}

/** How many turns a measurement is split into: BENCH_TURNS, default 5. */
export const turnCount = Math.max(1, Number.parseInt(process.env.BENCH_TURNS ?? '', 10) || 5);

/** The line under a turn-measured benchmark's title: its turns, their length and `detail`. */
export function turnsSubtitle(detail: string): string {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10) / turnCount;
  return `(${turnCount} alternating turns per server of ${seconds} s, ${detail}, Node ${process.version})`;
}

/**
 * Runs `measureTurn` for each name, `turnCount` times, alternating the order turn by turn, and
 * returns each name's totals.
 */
export async function inTurns<Name extends string>(
  names: readonly Name[],
  measureTurn: (name: Name) => Promise<Turn>,
): Promise<Record<Name, Totals>> {
  const turns = new Map<Name, Turn[]>(names.map((name) => [name, []]));
  for (let index = 0; index < turnCount; index += 1) {
    const order = index % 2 === 0 ? names : [...names].reverse();
    for (const name of order) turns.get(name)?.push(await measureTurn(name));
  }
  return Object.fromEntries(names.map((name) => [name, totalsOf(turns.get(name) ?? [])])) as Record<
    Name,
    Totals
  >;
}

function totalsOf(turns: Turn[]): Totals {
  const sum = (pick: (turn: Turn) => number) => turns.reduce((total, turn) => total + pick(turn), 0);
  const count = sum((turn) => turn.count);
  const cpuKnown = turns.every((turn) => turn.cpuMs !== undefined);
  return {
    perSecond:
      count /
      Math.max(
        Number.EPSILON,
        sum((turn) => turn.seconds),
      ),
    p50Ms: median(turns.map((turn) => turn.p50Ms)),
    p99Ms: median(turns.map((turn) => turn.p99Ms)),
    errors: sum((turn) => turn.errors),
    cpuUsPerRequest: cpuKnown && count > 0 ? (sum((turn) => turn.cpuMs ?? 0) * 1000) / count : undefined,
    turns,
  };
}

/** The ratio of the totals' rates, and the lowest and highest of the turns' own ratios: "0.91 (0.85–0.97)". */
export function rateRatio(ours: Totals, baseline: Totals): string {
  const rate = (turn: Turn) => turn.count / Math.max(Number.EPSILON, turn.seconds);
  const perTurn = ours.turns.map((turn, index) => {
    const base = baseline.turns[index];
    return base ? rate(turn) / Math.max(Number.EPSILON, rate(base)) : Number.NaN;
  });
  const total = (ours.perSecond / Math.max(Number.EPSILON, baseline.perSecond)).toFixed(2);
  if (ours === baseline || perTurn.length < 2) return total;
  return `${total} (${Math.min(...perTurn).toFixed(2)}–${Math.max(...perTurn).toFixed(2)})`;
}

/** How many times the baseline's CPU per request `ours` spends (lower is better); empty when unknown. */
export function cpuRatio(ours: Totals, baseline: Totals): string {
  if (!ours.cpuUsPerRequest || !baseline.cpuUsPerRequest) return '';
  return (ours.cpuUsPerRequest / baseline.cpuUsPerRequest).toFixed(2);
}

/** The middle value; of an even count, the upper of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
