/**
 * `npm run bench [name…]`: runs the benchmarks in bench/*.bench.ts (or those named) and prints a
 * table for each. BENCH_SECONDS sets each measurement's length (default 10). A benchmark that
 * exports `onlyWhenNamed` (the soak, ten minutes) runs only when named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { printTable } from './harness.js';

interface Benchmark {
  title: string;
  /** The line under the title, when the default (seconds per measurement, connections) does not fit. */
  subtitle?: string;
  onlyWhenNamed?: boolean;
  run(options: { seconds: number }): Promise<Record<string, string | number>[]>;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)));

for (const file of files) {
  const benchmark = (await import(path.join(import.meta.dirname, file))) as Benchmark;
  if (benchmark.onlyWhenNamed && wanted.length === 0) continue;
  const subtitle =
    benchmark.subtitle ?? `(${seconds} s per measurement, 10 connections, Node ${process.version})`;
  process.stdout.write(`\n## ${benchmark.title}\n${subtitle}\n\n`);
  printTable(await benchmark.run({ seconds }));
}
