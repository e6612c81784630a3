/**
 * What each library the server loads on first use costs in memory, each measured on its own in a
 * fresh `node --expose-gc` process against the server's code bundled as `npm run build:server`
 * bundles it (into .cache/library-memory/, with the modules the probes import as entries):
 * after the server's code is loaded, a full collection, the probe (an import and one call), and
 * another full collection. "Live heap" is what stays reachable; "external" is Buffers and
 * ArrayBuffers; "resident" is the process's RSS, which also holds code, V8's spare pages and
 * malloc's. Run it by name: `npm run bench library-memory`; LIBRARY_PROBES=grammar,assistant runs
 * only the probes whose names contain one of those words.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleServer } from '../scripts/bundle-server.js';
import { libraryProbes } from './soak/library-probes.js';

export const title = 'Memory: what each library loaded on first use holds';
export const subtitle = `(each in a fresh process after the server's code, full GCs before and after; Node ${process.version})`;
export const onlyWhenNamed = true;

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, '.cache/library-memory');
const dist = pathToFileURL(outdir).href;

interface Usage {
  heapUsed: number;
  external: number;
  rss: number;
}

/** The module run in the child: load the server's code, read, run the probe, read again. */
function childModule(probe: string, loadServer: boolean): string {
  return `
const dist = ${JSON.stringify(dist)};
const read = () => { globalThis.gc(); globalThis.gc(); const { heapUsed, external, rss } = process.memoryUsage(); return { heapUsed, external, rss }; };
let callTool;
if (${loadServer}) {
  await import(dist + '/app.js');
  const { textTools } = await import(dist + '/modules/text/index.js');
  const tools = new Map(textTools({ textLimit: 1_000_000, fetchPolicy: {}, pdfExtractor: {} }).map((tool) => [tool.name, tool]));
  const actor = { type: 'user', userId: 'probe', role: 'user', scopes: ['api:read', 'api:write'], via: 'system', credential: { kind: 'cli' } };
  const context = { signal: new AbortController().signal, progress: async () => {}, log: async () => {} };
  callTool = async (name, input) => { const tool = tools.get(name); return tool.run(actor, tool.input.parse(input), context); };
}
await new Promise((resolve) => setTimeout(resolve, 100));
const before = read();
${probe}
await new Promise((resolve) => setTimeout(resolve, 100));
const after = read();
process.stdout.write(JSON.stringify({ before, after }));
`;
}

function measure(probe: string, loadServer = true): { before: Usage; after: Usage } {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--input-type=module', '--eval', childModule(probe, loadServer)],
    { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] },
  ).toString();
  return JSON.parse(output) as { before: Usage; after: Usage };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function run() {
  await bundleServer({
    entryPoints: {
      app: 'src/app.ts',
      'modules/text/index': 'src/modules/text/index.ts',
      'modules/assistant/libraries': 'src/modules/assistant/libraries.ts',
    },
    outdir,
  });
  const server = measure(`await import(dist + '/app.js');`, false);
  const rows = [
    {
      'first use of': "the server's code (vs bare node)",
      'live heap MB': mb(server.after.heapUsed - server.before.heapUsed),
      'external MB': mb(server.after.external - server.before.external),
      'resident MB': mb(server.after.rss - server.before.rss),
      mostly: `bare node: ${mb(server.before.rss)} MB resident`,
    },
  ];
  const wanted = (process.env.LIBRARY_PROBES ?? '').split(',').filter(Boolean);
  const probes = libraryProbes.filter(
    (probe) => wanted.length === 0 || wanted.some((word) => probe.name.includes(word)),
  );
  for (const probe of probes) {
    const { before, after } = measure(probe.code);
    rows.push({
      'first use of': probe.name,
      'live heap MB': mb(after.heapUsed - before.heapUsed),
      'external MB': mb(after.external - before.external),
      'resident MB': mb(after.rss - before.rss),
      mostly: probe.mostly,
    });
  }
  return rows;
}
