import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { asciiOnly } from './ascii-only.js';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * Bundles the server's own modules reachable from `entryPoints` (name → source file) into
 * `outdir` (emptied first), packages left as imports of node_modules. Split at the dynamic
 * imports: what a command or a first use imports is a chunk of its own, loaded then. Source
 * maps beside each file. The code is written in ASCII (`asciiOnly`: V8 then keeps its source in
 * half the memory). `outdir` must be inside the package (the code finds its root, with
 * package.json, drizzle/ and web/dist/, above its own file: src/package-root.ts).
 */
export async function bundleServer({
  entryPoints,
  outdir,
}: {
  entryPoints: Record<string, string>;
  outdir: string;
}): Promise<void> {
  fs.rmSync(outdir, { recursive: true, force: true });
  const { outputFiles } = await build({
    absWorkingDir: projectRoot,
    entryPoints,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Error classes and functions keep their names when two modules use the same one.
    keepNames: true,
    logLevel: 'warning',
    write: false,
  });
  for (const file of outputFiles) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents);
  }
}
