import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { requireFreshBuild } from './fresh-build.js';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

const running = new Set<ChildProcess>();

/** Kills every child a test file started and has not seen exit (for afterAll, so a failed test leaves nothing behind). */
export function killChildren() {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Runs `node <args>` from the project root with `env` over this process's, its output watched; the
 * child is killed by `killChildren` if it is still running then.
 */
export function spawnNode(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return watchLines(child);
}

/** Runs a TypeScript entry point of ours in a new Node process (through tsx, so the current source runs). */
export function spawnTypeScript(
  entry: string,
  { args = [], env = {} }: { args?: string[]; env?: Record<string, string> },
) {
  return spawnNode(['--import', 'tsx', path.join(projectRoot, entry), ...args], {
    LOG_LEVEL: 'info',
    ...env,
  });
}

export type WatchedProcess = ReturnType<typeof watchLines>;

/** Collects a child's output line by line and lets a test wait for a line it expects. */
export function watchLines(child: ChildProcess) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ test: (line: string) => boolean; resolve: (line: string) => void }>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Resolves once the process has exited and all its output has been read. */
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const onLine = (lines: string[]) => (line: string) => {
    lines.push(line);
    for (const waiter of waiters) {
      if (waiter.test(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine(stdout));
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine(stderr));

  return {
    child,
    stdout,
    stderr,
    exited,
    closed,
    /** Resolves with the first line (past or future) that passes `test`; rejects after `timeoutMs` or on exit. */
    waitForLine(test: (line: string) => boolean, timeoutMs = 20_000): Promise<string> {
      const seen = [...stdout, ...stderr].find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => fail(`no matching line within ${timeoutMs} ms`), timeoutMs);
        const waiter = {
          test,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const fail = (reason: string) => {
          if (!waiters.delete(waiter)) return;
          clearTimeout(timer);
          reject(
            new Error(
              `${reason}\n--- stdout ---\n${stdout.join('\n')}\n--- stderr ---\n${stderr.join('\n')}`,
            ),
          );
        };
        waiters.add(waiter);
        void exited.then((code) => fail(`the process exited (code ${code}) before printing the line`));
      });
    },
    send(line: string) {
      child.stdin?.write(`${line}\n`);
    },
  };
}

/** Starts `switchboard serve` from source and waits until it listens; resolves with its URL. */
export async function startServer(env: Record<string, string>) {
  const server = spawnTypeScript('test/fixtures/switchboard.ts', {
    args: ['serve'],
    env: { PORT: '0', HOST: '127.0.0.1', ...env },
  });
  // Generous: a first start on an empty DATA_DIR creates its PostgreSQL server (initdb) first.
  const line = await server.waitForLine((text) => text.includes('listening on'), 90_000);
  const url = (JSON.parse(line) as { url: string }).url;
  return { ...server, url };
}

/**
 * Starts `switchboard serve` from the built dist/ (as installed, and quicker to start than tsx) and
 * waits until it listens; resolves with its URL. Run `npm run build:server` first.
 */
export async function startBuiltServer(env: Record<string, string>) {
  const entry = path.join(projectRoot, 'bin/switchboard.js');
  requireFreshBuild();
  const server = spawnNode([entry, 'serve'], { LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env });
  const line = await server.waitForLine((text) => text.includes('listening on'));
  const url = (JSON.parse(line) as { url: string }).url;
  return { ...server, url };
}
