/**
 * `tsx scripts/smoke.ts [22] [24]`: the smoke test of the built app (scripts/smoke/smoke-test.ts)
 * on this Node, or on each Node line named, side by side, each installed from the npm registry
 * into a cache outside the clone (scripts/smoke/node-from-registry.ts). Exits non-zero when the
 * app fails on any of them. Run `npm run build` first (npm ci does).
 */
import path from 'node:path';
import { type NodeLine, nodeFromRegistry, pinnedNodes } from './smoke/node-from-registry.js';
import { smokeTest } from './smoke/smoke-test.js';

const root = path.resolve(import.meta.dirname, '..');
const lines = process.argv.slice(2);
const unknown = lines.filter((line) => !Object.hasOwn(pinnedNodes, line));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown Node line ${unknown.join(', ')}: one of ${Object.keys(pinnedNodes).join(', ')}\n`,
  );
  process.exit(2);
}

const nodes =
  lines.length === 0
    ? [{ name: `this Node, ${process.version}`, binary: process.execPath }]
    : lines.map((line) => ({
        name: `Node ${pinnedNodes[line as NodeLine]}`,
        binary: nodeFromRegistry(line as NodeLine),
      }));

// The Nodes side by side: most of a run is waiting (initdb, the embedded server's starts and stops).
const passed = await Promise.all(
  nodes.map(async ({ name, binary }) => {
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s`;
    const say = (line: string) => process.stdout.write(`[${name}] ${elapsed()}  ${line}\n`);
    try {
      await smokeTest({ root, node: binary, say });
      say('passed');
      return true;
    } catch (error) {
      say(`FAILED: ${(error as Error).message}`);
      return false;
    }
  }),
);
process.exit(passed.every(Boolean) ? 0 : 1);
