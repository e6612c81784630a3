/**
 * `npm run bench [name…]`: runs the benchmarks in bench/*.bench.ts (or those named) and prints a
 * table for each. BENCH_SECONDS sets each measurement's length (default 10).
 */
import fs from 'node:fs';
import path from 'node:path';
import { printTable } from './harness.js';

interface Benchmark {
  title: string;
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
  process.stdout.write(
    `\n## ${benchmark.title}\n(${seconds} s per measurement, 10 connections, Node ${process.version})\n\n`,
  );
  printTable(await benchmark.run({ seconds }));
}
