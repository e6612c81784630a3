import path from 'node:path';
import { bundleServer, projectRoot } from './bundle-server.js';

/**
 * `npm run build:server`: bundles the server's own modules (about 600), and the packages a start
 * loads (scripts/bundle-server.ts says which and why), into a few files in dist/. Node then
 * resolves, reads and compiles about 300 files at start instead of 1,400 (issue 16: the second
 * start under 2 s). Types are checked by `npm run check`, not here.
 *
 * Entries: the CLI (bin/switchboard.js imports dist/cli.js; each command is a chunk it imports
 * when that command runs), each worker thread's module, which `startWorker` finds as
 * dist/NAME.js, and the modules the two-process test peers import (test/fixtures/*-peer.js: plain
 * JavaScript on dist/, quicker to start than the sources). Entries share chunks, so each module
 * is still loaded once however it is reached.
 */
await bundleServer({
  entryPoints: {
    cli: 'src/cli.ts',
    'pdf-worker': 'src/modules/text/pdf/pdf-worker.ts',
    ...Object.fromEntries(
      ['app', 'config', 'logger', 'actor', 'modules/workflows/definition', 'modules/workflows/table'].map(
        (name) => [name, `src/${name}.ts`],
      ),
    ),
  },
  outdir: path.join(projectRoot, 'dist'),
});
