import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** One reading of the server's memory, `seconds` after the load started (negative: before). */
export interface MemorySample {
  seconds: number;
  residentMb: number;
  heapUsedMb: number;
  /** The heap V8 holds from the OS: what is in use, and the garbage not yet collected. */
  heapTotalMb: number;
  externalMb: number;
  /** The server's child processes together (the embedded Postgres and its backends), by PSS; NaN when not Linux. */
  childrenMb: number;
  /** What V8 holds for each heap space ("new", "old", "code", "large_object"…), from /metrics. */
  spacesMb: Record<string, number>;
  /** The server's CPU time (user and system) since it started; NaN when not Linux. */
  cpuSeconds: number;
  /** The server's time in V8's collections so far, by kind ("major", "minor"…), from /metrics. */
  gcSeconds: Record<string, number>;
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** A process's resident set size in MB: VmRSS from /proc on Linux, `ps` elsewhere. */
export function residentMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    if (kilobytes > 0) return kilobytes / 1024;
  } catch {
    // Not Linux: ask ps.
  }
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

/**
 * The memory of a process's descendants (the embedded Postgres: its postmaster and a backend per
 * connection) in MB, as the sum of their proportional set sizes (`Pss` in /proc/<pid>/smaps_rollup):
 * their shared buffers are mapped by each of them, so adding their RSS would count those many
 * times. NaN where there is no /proc.
 */
export function childrenPssMb(pid: number): number {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return Number.NaN;
  }
  const parentOf = new Map<number, number>();
  for (const entry of entries) {
    try {
      // The fields after the command (which is in parentheses and may hold spaces): state, then ppid.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // It ended meanwhile.
    }
  }
  const isDescendant = (candidate: number): boolean => {
    for (
      let parent = parentOf.get(candidate);
      parent !== undefined && parent > 1;
      parent = parentOf.get(parent)
    )
      if (parent === pid) return true;
    return false;
  };
  let kilobytes = 0;
  for (const candidate of parentOf.keys()) {
    if (!isDescendant(candidate)) continue;
    try {
      const rollup = fs.readFileSync(`/proc/${candidate}/smaps_rollup`, 'utf8');
      kilobytes += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // It ended meanwhile, or is not ours to read.
    }
  }
  return kilobytes / 1024;
}

/** A process's CPU time so far (user and system) in seconds, from /proc/<pid>/stat; NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command (in parentheses, may hold spaces): utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
  } catch {
    return Number.NaN;
  }
}

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The server's JS heap (in use, and held) and its external (Buffer, ArrayBuffer) memory, from its /metrics;
 * NaN when it does not answer (busy writing a heap snapshot, say): the resident figure still counts.
 */
export async function heapMb(
  url: string,
): Promise<Omit<MemorySample, 'seconds' | 'residentMb' | 'childrenMb' | 'cpuSeconds'>> {
  const text = await fetch(`${url}/metrics`).then(
    (response) => response.text(),
    () => '',
  );
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    heapUsedMb: megabytes(gauge('nodejs_heap_size_used_bytes')),
    heapTotalMb: megabytes(gauge('nodejs_heap_size_total_bytes')),
    externalMb: megabytes(gauge('nodejs_external_memory_bytes')),
    spacesMb: Object.fromEntries(
      [...text.matchAll(/^nodejs_heap_space_size_total_bytes\{space="(\w+)"\} (\S+)$/gm)].map(
        ([, space, bytes]) => [space, megabytes(Number(bytes))],
      ),
    ),
    gcSeconds: Object.fromEntries(
      [...text.matchAll(/^nodejs_gc_duration_seconds_sum\{kind="(\w+)"\} (\S+)$/gm)].map(
        ([, kind, seconds]) => [kind, Number(seconds)],
      ),
    ),
  };
}

/** The least-squares slope of resident memory over time, in MB a minute. */
export function slopeMbPerMinute(samples: MemorySample[]): number {
  if (samples.length < 2) return 0;
  const meanX = samples.reduce((sum, sample) => sum + sample.seconds, 0) / samples.length;
  const meanY = samples.reduce((sum, sample) => sum + sample.residentMb, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.seconds - meanX) * (sample.residentMb - meanY);
    variance += (sample.seconds - meanX) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60;
}
