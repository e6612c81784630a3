#!/usr/bin/env node
// The installed command. It runs the compiled CLI in dist/, which `npm install` builds (the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'switchboard: not built yet. Run "npm run build" (npm install does it) and try again.\n',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
process.exit(await main(process.argv.slice(2)));
