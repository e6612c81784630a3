/**
 * Loaded into a bench server with `--import` (bench/async-resources.ts does): counts the async
 * resources the process creates, by type, between SIGUSR1 (start) and SIGUSR2 (stop), and writes
 * the counts as JSON to ASYNC_RESOURCES_OUT. Every resource costs its creation and, once an
 * AsyncLocalStorage has run on Node 20, a hook call too.
 */
import { createHook } from 'node:async_hooks';
import fs from 'node:fs';

const counts = new Map<string, number>();
let counting = false;

createHook({
  init(_id, type) {
    if (counting) counts.set(type, (counts.get(type) ?? 0) + 1);
  },
}).enable();

process.on('SIGUSR1', () => {
  counts.clear();
  counting = true;
});
process.on('SIGUSR2', () => {
  counting = false;
  fs.writeFileSync(process.env.ASYNC_RESOURCES_OUT ?? '', JSON.stringify(Object.fromEntries(counts)));
});
