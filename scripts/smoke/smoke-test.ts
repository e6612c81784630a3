import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { isPostgresOn, readPostmaster, stopPostmaster } from '../../src/db/embedded/postmaster.js';

const taskTitle = 'Smoke test task';

/**
 * What a new user does first, with the built command on `node`: `serve` on a fresh DATA_DIR (the
 * embedded PostgreSQL initialised) until /readyz answers, the first admin created as the web app's
 * setup page does and an API key made in their session, an MCP tool call that writes and one that
 * reads it back, a chat with the built-in (offline) assistant, and a clean stop on SIGTERM.
 * Throws at the first step that fails, with the server's output.
 */
export async function smokeTest({
  root,
  node,
  say,
}: {
  root: string;
  node: string;
  say: (line: string) => void;
}) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-smoke-'));
  // Run as root, the embedded PostgreSQL (account postgres) must pass through to DATA_DIR.
  fs.chmodSync(workDir, 0o711);
  const env = { ...process.env, DATA_DIR: path.join(workDir, 'data'), MODEL: 'offline' };
  const cli = path.join(root, 'bin/switchboard.js');
  let server: Server | undefined;
  try {
    server = await startServer(node, [cli, 'serve'], {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    say(`serve: listening on ${server.url}`);
    requireAsyncContextFrame(node, server.child.pid ?? 0);

    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.ok, `/readyz answered ${ready.status}: ${await ready.text()}`);
    say('/readyz: ready');

    const key = await firstAdminKey(server.url);
    say('first run: the admin created, an API key made in their session');

    await mcpRoundTrip(server.url, key);
    say(`MCP: add_task, then list_tasks shows "${taskTitle}"`);

    const reply = await chat(server.url, key);
    say(`chat with the built-in assistant: "${reply.slice(0, 60).replace(/\s+/g, ' ')}…"`);

    const code = await server.stop();
    expect(code === 0, `serve exited with ${code} on SIGTERM`);
    say('SIGTERM: stopped cleanly');
  } catch (error) {
    const output = server?.output().trim();
    throw new Error(`${(error as Error).message}${output ? `\n--- server output ---\n${output}` : ''}`, {
      cause: error,
    });
  } finally {
    await leaveNothingRunning(server, env.DATA_DIR);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * After a failure: `serve` asked to stop (it stops its embedded PostgreSQL), killed if it does not;
 * then the PostgreSQL it started, which outlives a killed Switchboard by design, stopped too.
 */
async function leaveNothingRunning(server: Server | undefined, dataDir: string) {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    await server.stop().catch(() => server.child.kill('SIGKILL'));
  const pgDir = path.join(dataDir, 'postgres');
  const postmaster = readPostmaster(pgDir);
  if (postmaster && isPostgresOn(postmaster.pid, pgDir)) await stopPostmaster(postmaster.pid, pgDir);
}

interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `serve` and waits (up to 90 s: initdb on a first start) for its "listening on" log line. */
async function startServer(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not listen within 90 s')), 90_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.includes('listening on')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- server output ---\n${lines.join('\n')}`);
  });
  return {
    url,
    child,
    output: () => lines.join('\n'),
    async stop() {
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), 30_000).unref(),
      );
      const code = await Promise.race([exited, timeout]);
      if (code === 'timeout') throw new Error('serve did not stop within 30 s of SIGTERM');
      return code;
    },
  };
}

/**
 * On Node 22, bin/switchboard.js runs `serve` again with --experimental-async-context-frame (the
 * durable engine's AsyncLocalStorage then costs no promise hook); Linux shows the process's
 * arguments in /proc. Node 24 has it without the flag.
 */
function requireAsyncContextFrame(node: string, pid: number) {
  const major = /^v(\d+)\./.exec(execFileSync(node, ['--version'], { encoding: 'utf8' }))?.[1];
  if (major !== '22' || !fs.existsSync(`/proc/${pid}/cmdline`)) return;
  const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  expect(
    args.includes('--experimental-async-context-frame'),
    `on Node 22 serve runs without --experimental-async-context-frame: ${args.join(' ')}`,
  );
}

/** POST /api/v1/setup (open while no admin exists, signs in), then an API key in that session. */
async function firstAdminKey(url: string): Promise<string> {
  const headers = { 'content-type': 'application/json', origin: url };
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'smoke@example.com', password: 'smoke test password', name: 'Smoke' }),
  });
  expect(setup.status === 201, `POST /api/v1/setup answered ${setup.status}: ${await setup.text()}`);
  const cookie = setup.headers
    .getSetCookie()
    .map((each) => each.split(';')[0])
    .join('; ');
  const created = await fetch(`${url}/api/v1/me/api-keys`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: 'smoke', scopes: ['mcp', 'api:write'] }),
  });
  const body = await created.text();
  expect(created.status === 201, `POST /api/v1/me/api-keys answered ${created.status}: ${body}`);
  return (JSON.parse(body) as { key: string }).key;
}

async function mcpRoundTrip(url: string, key: string) {
  const client = new Client({ name: 'smoke', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  try {
    const added = await client.callTool({ name: 'add_task', arguments: { title: taskTitle } });
    expect(!added.isError, `add_task failed: ${JSON.stringify(added.content)}`);
    const listed = await client.callTool({ name: 'list_tasks', arguments: {} });
    expect(
      !listed.isError && JSON.stringify(listed).includes(taskTitle),
      `list_tasks did not show the task: ${JSON.stringify(listed.content)}`,
    );
  } finally {
    await client.close();
  }
}

/** One turn over the OpenAI-compatible endpoint with the default model, the offline assistant. */
async function chat(url: string, key: string): Promise<string> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'switchboard',
      messages: [{ role: 'user', content: 'show my tasks' }],
    }),
  });
  const body = await response.text();
  expect(response.ok, `/v1/chat/completions answered ${response.status}: ${body}`);
  const content = (JSON.parse(body) as { choices?: { message?: { content?: string } }[] }).choices?.[0]
    ?.message?.content;
  // The offline assistant lists them through the tool runner: the task the MCP call added.
  expect(
    typeof content === 'string' && content.includes(taskTitle),
    `the assistant did not list the task: ${body}`,
  );
  return content;
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
