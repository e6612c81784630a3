#!/usr/bin/env node
// The installed command. It runs the compiled CLI in dist/, which `npm install` builds (the prepare script).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of every module on disk (in the system's temporary directory),
// so a second start skips most of the compiling; Node 20 has no such cache and starts as before.
module.enableCompileCache?.();

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'switchboard: not built yet. Run "npm run build" (npm install does it) and try again.\n',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
process.exit(await main(process.argv.slice(2)));
