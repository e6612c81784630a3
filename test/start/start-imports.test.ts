import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = path.resolve(import.meta.dirname, '../../src');

/**
 * Libraries that take tens to hundreds of milliseconds of CPU to load and that a server start does
 * not use: each is imported where it is first needed (a tool's run, a warm-up after listen, a
 * model's first build). One static import from anything `serve` loads puts it back on the path to
 * /readyz, as the memory module's `summarizeText` did with compromise (half a second).
 */
const loadedOnFirstUse = [
  'compromise',
  'chrono-node',
  'stopword',
  'stemmer',
  'html-to-text',
  'pdfjs-dist',
  'tesseract.js',
  '@faker-js/faker',
  'retext-english',
  'retext-spell',
  'file-type',
  '@ai-sdk/anthropic',
  '@ai-sdk/openai',
  '@ai-sdk/openai-compatible',
  // Sign-in: built by a warm-up once the server listens (identity's auth-handle.ts).
  'better-auth',
  '@better-auth/oauth-provider',
  '@better-auth/drizzle-adapter',
  'jose',
];

/** `import … from` and `export … from` whose module stays in the emitted code (not `import type`). */
const runtimeImport = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every package the modules reachable from `entry` by static imports load, with the chain that loads it. */
function packagesImportedFrom(entry: string): Map<string, string[]> {
  const chainTo = new Map<string, string[]>([[entry, [entry]]]);
  const packages = new Map<string, string[]>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = chainTo.get(file) ?? [];
    for (const [, specifier = ''] of fs.readFileSync(file, 'utf8').matchAll(runtimeImport)) {
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!packages.has(name)) packages.set(name, chain);
        continue;
      }
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (chainTo.has(target)) continue;
      chainTo.set(target, [...chain, target]);
      queue.push(target);
    }
  }
  return packages;
}

describe('what `switchboard serve` loads before it listens', () => {
  const packages = packagesImportedFrom(path.join(srcRoot, 'cli/serve.ts'));

  it('reaches the app and its usual libraries (the walk follows the imports)', () => {
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['fastify', 'drizzle-orm', 'zod']));
  });

  it.each(loadedOnFirstUse)('does not import %s until it is used', (library) => {
    const chain = packages.get(library)?.map((file) => path.relative(srcRoot, file));
    expect(chain, `${library} is imported at start through ${chain?.join(' -> ')}`).toBeUndefined();
  });
});
