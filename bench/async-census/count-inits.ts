/**
 * Preloaded into a bench server by bench/async-census.ts (`--import`): counts the async resources
 * (promises, ticks, timers, streams' callbacks…) the process creates, by type, and with
 * ASYNC_CENSUS_STACKS=1 where each was created (its stack, so a count can be traced to our code
 * or a library's). SIGUSR2 writes what was counted since the last signal to ASYNC_CENSUS_FILE and
 * starts again. Counts are exact; the hook itself makes every resource dearer, so this process is
 * for counting, not for timing.
 */
import { createHook } from 'node:async_hooks';
import fs from 'node:fs';

const file = process.env.ASYNC_CENSUS_FILE;
if (!file) throw new Error('ASYNC_CENSUS_FILE is not set');
const withStacks = process.env.ASYNC_CENSUS_STACKS !== undefined;
// ASYNC_CENSUS_STACKS=internal keeps Node's own frames (web streams, timers) in the stacks.
const withInternals = process.env.ASYNC_CENSUS_STACKS === 'internal';

const root = `${process.cwd()}/`;
let counts = new Map<string, number>();
let stacks = new Map<string, number>();

/** The frames of a stack that say where a resource came from: not this file, not Node's own. */
function origin(stack: string): string {
  return stack
    .split('\n')
    .slice(2)
    .filter((line) => (withInternals || !line.includes('node:internal')) && !line.includes('count-inits'))
    .slice(0, 8)
    .map((line) =>
      line
        .trim()
        .replace(/^at /, '')
        .replace(/\/\S*?\/node_modules\//, '')
        .replaceAll(root, ''),
    )
    .join(' < ');
}

Error.stackTraceLimit = 30;
createHook({
  init(_asyncId, type) {
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if (!withStacks) return;
    const key = `${type}: ${origin(new Error().stack ?? '')}`;
    stacks.set(key, (stacks.get(key) ?? 0) + 1);
  },
}).enable();

process.on('SIGUSR2', () => {
  const report = { counts: Object.fromEntries(counts), stacks: Object.fromEntries(stacks) };
  counts = new Map();
  stacks = new Map();
  fs.writeFileSync(`${file}.partial`, JSON.stringify(report));
  fs.renameSync(`${file}.partial`, file);
});
