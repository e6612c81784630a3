import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from '../../src/net/free-port.js';

export interface FixtureServer {
  /** The MCP endpoint, on 127.0.0.1. */
  mcpUrl: string;
  /** What the server wrote, for when something went wrong. */
  log(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/**
 * Starts the built server (`node bin/switchboard.js serve`, what users run) in fixture mode on a
 * free loopback port, with its own fresh data and prompts directories under `workDir`, and waits
 * until it is ready. It ignores any DATABASE_URL or PUBLIC_URL around it: a run is always the same.
 */
export async function startFixtureServer({ root, workDir }: { root: string; workDir: string }) {
  const port = await freePort();
  const dataDir = path.join(workDir, 'data');
  const promptsDir = path.join(workDir, 'prompts'); // empty: no prompt files from the checkout
  fs.mkdirSync(promptsDir, { recursive: true });
  const logFile = path.join(workDir, 'server.log');
  const output = fs.openSync(logFile, 'w');
  const { DATABASE_URL: _database, PUBLIC_URL: _public, TRUSTED_ORIGINS: _origins, ...env } = process.env;
  const child = spawn(process.execPath, [path.join(root, 'bin/switchboard.js'), 'serve'], {
    cwd: root,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      PROMPTS_DIR: promptsDir,
      MCP_FIXTURES: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', output, output],
  });
  fs.closeSync(output); // the server has its own copy
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: FixtureServer = {
    mcpUrl: `http://127.0.0.1:${port}/mcp`,
    log: () => fs.readFileSync(logFile, 'utf8'),
    stop: () => stop(child, exited),
  };
  try {
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, child);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.log()}`, { cause: error });
  }
  return server;
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await delay(250);
  }
  throw new Error(`The server was not ready within 60 s (${url})`);
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}
