#!/usr/bin/env node
// The installed command. It runs the compiled CLI in dist/, which `npm install` builds (the prepare script).
import { existsSync } from 'node:fs';
import module from 'node:module';

const asyncContextFrame = '--experimental-async-context-frame';

// Node 22: `serve` restarts itself in place with --experimental-async-context-frame (see below).
if (wantsAsyncContextFrame(process.argv.slice(2))) {
  try {
    process.execve(
      process.execPath,
      [process.execPath, asyncContextFrame, ...process.execArgv, ...process.argv.slice(1)],
      process.env,
    );
  } catch {
    // Not replaced (a platform that refuses execve): serve as we are, without the flag.
  }
}

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

/**
 * Whether to run `serve` again with --experimental-async-context-frame, replacing this process
 * (same process id, so signals and supervisors see no difference; one more Node boot, about
 * 0.1 s of CPU: docs/decisions.md). The durable engine keeps its context in an
 * AsyncLocalStorage, which without the flag makes Node 22 run a promise hook for every promise of
 * the server (docs/operations.md, "Node versions"). Node 24 has it by default and no longer takes
 * the flag; Node 20 has neither the flag nor process.execve, nor has Node 22 before 22.15. Windows
 * has process.execve but throws when it is called. A flag already given either way
 * (NODE_OPTIONS=--no-experimental-async-context-frame turns it off) is left as it is.
 * @param {string[]} args
 */
function wantsAsyncContextFrame(args) {
  if (typeof process.execve !== 'function' || process.platform === 'win32') return false;
  if (!process.allowedNodeEnvironmentFlags.has(asyncContextFrame)) return false;
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (given.includes('async-context-frame')) return false;
  return commandOf(args) === 'serve';
}

/**
 * The command `switchboard` was given (serve when none), read as src/cli/arguments.ts does: every
 * flag but --help, --version and --force takes a value. A wrong answer costs a boot or the flag.
 * @param {string[]} args
 */
function commandOf(args) {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (['--help', '-h', '--version', '-v'].includes(arg)) return undefined;
    if (arg === '--force' || (arg.startsWith('--') && arg.includes('='))) continue;
    if (arg.startsWith('-')) index++;
    else return arg;
  }
  return 'serve';
}
