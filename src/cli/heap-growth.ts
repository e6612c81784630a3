import v8 from 'node:v8';

/**
 * How far past what the last full collection left alive V8 lets the old generation grow before it
 * collects again. Left to itself V8 raises that factor towards 4 under a steady load, when
 * collecting is cheap next to allocating: the embedded server's 150 MB of live heap held 600 MB
 * at the end of a soak (docs/resident-memory.md, "V8's spare heap").
 */
export const heapGrowingPercent = 25;

/**
 * Bounds V8's spare heap for `switchboard serve`, unless the Node options name the flag themselves
 * (an operator's choice wins). V8 reads the flag each time it sets the next limit, so setting it
 * once the process runs is enough. Answers whether it was set.
 */
export function boundHeapGrowth(
  nodeOptions = [process.env.NODE_OPTIONS ?? '', ...process.execArgv].join(' '),
): boolean {
  if (/--heap[-_]growing[-_]percent\b/.test(nodeOptions)) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  return true;
}
