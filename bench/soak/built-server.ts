import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/switchboard.js');

/**
 * Switchboard as one person runs it: `npm run build:server`, then `switchboard user add`,
 * `apikey create` and `serve` — the compiled server, not the TypeScript under tsx, whose loader
 * thread and transpile cache would add about 95 MB to what we measure. The embedded database
 * (or DATABASE_URL, when set), no model (the chat is the built-in assistant), LOG_LEVEL=warn.
 * Resolves once /readyz answers, with the URL, an API key with the REST and MCP scopes, and the
 * server's process id.
 */
export async function startBuiltServer({ nodeOptions = [] }: { nodeOptions?: string[] } = {}) {
  execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-soak-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  // The CLI commands' stderr (a warning that the web app is not built) goes into the error if one fails.
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'pipe' }).toString();
  run('user', 'add', '--email', 'soak@example.com', '--password', 'soak benchmark password');
  const scopes = 'api:read,api:write,mcp';
  const key = run(
    'apikey',
    'create',
    '--user',
    'soak@example.com',
    '--name',
    'soak',
    '--scopes',
    scopes,
  ).trim();

  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions, cli, 'serve', '--port', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  while (
    !(await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`switchboard serve exited with ${child.exitCode}`);
    await sleep(200);
  }
  return {
    url,
    key,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
