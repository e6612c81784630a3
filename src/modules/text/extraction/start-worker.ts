import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { packageRoot } from '../../../package-root.js';

/** Where the build puts each worker's module: an entry of the bundle (scripts/build-server.ts). */
const builtWorkers = new URL('dist/', packageRoot);

/**
 * Starts a worker thread on the module `name`. Run from the built dist (`callerUrl`, the caller's
 * `import.meta.url`, is a chunk of the bundle) that is `name.js` in `builtFolder`, run as is. From
 * the sources (tsx, vitest) it is `name.ts` beside the caller, which Node cannot run itself: the
 * worker then loads tsx's loader first and imports the file through it, so the same code runs in
 * both.
 */
export function startWorker(
  callerUrl: string,
  name: string,
  options: WorkerOptions,
  builtFolder: URL = builtWorkers,
): Worker {
  const fromSources = new URL(callerUrl).pathname.endsWith('.ts');
  if (!fromSources) return new Worker(new URL(`${name}.js`, builtFolder), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { ...options, eval: true });
}

let tsxApiUrl: string | undefined;

/** The URL of tsx's ESM API (`tsx/esm/api`, import condition), read from its package's exports. */
function tsxApi(): string {
  if (tsxApiUrl) return tsxApiUrl;
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const file = manifest.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  tsxApiUrl = pathToFileURL(path.join(path.dirname(manifestPath), file)).href;
  return tsxApiUrl;
}
