import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn, testPassword } from '../helpers/identity.js';
import { killChildren, spawnTypeScript, startServer } from '../helpers/child-process.js';
import { multipart } from '../helpers/multipart.js';
import { onePixelPng } from '../helpers/sample-files.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

async function runCli(args: string[], env: Record<string, string>) {
  const run = spawnTypeScript('test/fixtures/switchboard.ts', { args, env: { LOG_LEVEL: 'warn', ...env } });
  run.child.stdin?.end();
  const code = await run.closed;
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

/** What the user sees, read the same way from the original instance and from the restored one. */
async function whatAliceSees(
  get: (url: string) => Promise<{ status: number; json: unknown; bytes: Buffer }>,
) {
  const read = async (url: string) => {
    const answer = await get(url);
    expect(answer.status, `${url}: ${answer.bytes.toString()}`).toBe(200);
    return answer.json as Record<string, unknown>;
  };
  const resources = (await read('/api/v1/resources?limit=100')) as {
    items: { id: string; filename?: string }[];
  };
  const pixel = resources.items.find((item) => item.filename === 'pixel.png');
  expect(pixel).toBeDefined();
  const conversations = (await read('/api/v1/conversations')) as { items: { id: string }[] };
  expect(conversations.items).toHaveLength(1);
  const workflows = (await read('/api/v1/workflows')) as { items: { id: string }[] };
  const memories = (await read('/api/v1/memories')) as { items: { text: string }[] };
  expect(memories.items.map((memory) => memory.text)).toEqual(['My manager is Dana Whitfield']);
  return {
    tasks: await read('/api/v1/tasks'),
    resources,
    pixel: (await get(`/api/v1/resources/${pixel?.id}/content`)).bytes.toString('base64'),
    conversations,
    messages: await read(`/api/v1/conversations/${conversations.items[0]?.id}/messages`),
    prompts: await read('/api/v1/prompts'),
    memories,
    workflows,
    runs: await read(`/api/v1/workflow-runs`),
  };
}

/**
 * The admin's backup: `switchboard backup` of a live instance on a shared Postgres, then `switchboard
 * restore` into a FRESH data directory (its own embedded server), where the user signs in and finds
 * everything: tasks, documents with their files, conversations, prompts, memories, workflows and their runs.
 */
describe('switchboard backup and restore', { timeout: 300_000 }, () => {
  let source: TestApp;
  let seen: Awaited<ReturnType<typeof whatAliceSees>>;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-backup-'));
  fs.chmodSync(scratch, 0o711); // the embedded server's account passes through it to the data directory
  const backupFile = path.join(scratch, 'instance.jsonl.gz');
  const freshDataDir = path.join(scratch, 'fresh-data');

  beforeAll(async () => {
    source = await buildTestApp('postgres', { engine: true });
    const app = source.app;
    await seedUser(app, { email: 'alice@example.com' });
    const alice = as(app, { cookie: await signIn(app, 'alice@example.com') });
    const post = async (url: string, payload: object, expected = 201) => {
      const answer = await alice({ method: 'POST', url, payload });
      expect(answer.statusCode, answer.body).toBe(expected);
      return answer.json();
    };
    await post('/api/v1/tasks', { title: 'Call Dana about the offsite' });
    for (const [filename, bytes] of [
      ['plan.md', Buffer.from('# Plan\n\nShip the backup.')],
      ['pixel.png', onePixelPng],
    ] as const) {
      const upload = await alice({
        method: 'POST',
        url: '/api/v1/resources/upload',
        ...multipart({ filename, bytes }),
      });
      expect(upload.statusCode, upload.body).toBe(201);
    }
    await post('/api/v1/prompts', { name: 'weekly-report', template: 'Summarize the week' });
    await post('/api/v1/memories', { text: 'My manager is Dana Whitfield', tags: ['people'] });
    const chat = await alice({
      method: 'POST',
      url: '/api/v1/chat',
      payload: { message: 'add a task to book the train' },
      headers: { accept: 'application/json' },
    });
    expect(chat.statusCode, chat.body).toBe(200);
    await post('/api/v1/workflows', {
      name: 'file-it',
      steps: [{ id: 'add', kind: 'tool', tool: 'add_task', input: { title: 'From a workflow' } }],
    });
    const run = await post('/api/v1/workflows/file-it/runs?wait=true', { input: {} }, 200);
    expect(run.status).toBe('succeeded');
    seen = await whatAliceSees(async (url) => {
      const answer = await alice({ method: 'GET', url });
      const bytes = answer.rawPayload;
      const json = String(answer.headers['content-type'] ?? '').includes('json') ? answer.json() : undefined;
      return { status: answer.statusCode, json, bytes };
    });
    // A user file in DATA_DIR (what modules keep there beside the database) travels too.
    fs.mkdirSync(path.join(source.database.dataDir, 'uploads'), { recursive: true });
    fs.writeFileSync(path.join(source.database.dataDir, 'uploads/note.txt'), 'kept beside the database');
  }, 180_000);
  afterAll(async () => {
    killChildren();
    await source?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up a running instance and restores it into a fresh data directory, where the user finds everything', async () => {
    const backup = await runCli(['backup', '--out', backupFile], source.database.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Wrote .* \d+ tables, \d+ rows, 1 files\.$/m);

    fs.mkdirSync(freshDataDir);
    fs.chmodSync(freshDataDir, 0o711);
    const restored = await runCli(['restore', backupFile], { DATA_DIR: freshDataDir });
    expect(restored.code, restored.stderr).toBe(0);
    expect(fs.readFileSync(path.join(freshDataDir, 'uploads/note.txt'), 'utf8')).toBe(
      'kept beside the database',
    );

    const again = await runCli(['restore', backupFile], { DATA_DIR: freshDataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');

    const server = await startServer({ DATA_DIR: freshDataDir });
    try {
      const signedIn = await fetch(`${server.url}/api/v1/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'alice@example.com', password: testPassword }),
      });
      expect(signedIn.status, await signedIn.clone().text()).toBe(200);
      const cookie = signedIn.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      const after = await whatAliceSees(async (url) => {
        const answer = await fetch(`${server.url}${url}`, { headers: { cookie } });
        const bytes = Buffer.from(await answer.arrayBuffer());
        const json = answer.headers.get('content-type')?.includes('json')
          ? JSON.parse(bytes.toString())
          : undefined;
        return { status: answer.status, json, bytes };
      });
      expect(after).toEqual(seen);
      expect((seen.tasks as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(3);
      expect(seen.pixel).toBe(onePixelPng.toString('base64'));
    } finally {
      server.child.kill('SIGTERM');
      await server.closed;
    }
  });

  it('replaces what is there with --force, and refuses a file that is cut short', async () => {
    const forced = await runCli(['restore', backupFile, '--force'], { DATA_DIR: freshDataDir });
    expect(forced.code, forced.stderr).toBe(0);

    const whole = fs.readFileSync(backupFile);
    const cut = path.join(scratch, 'cut.jsonl.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const refused = await runCli(['restore', cut, '--force'], { DATA_DIR: freshDataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not a readable backup|cut short/);
  });
  it('backs up an embedded database while its server runs (a scheduled backup needs no downtime)', async () => {
    const server = await startServer({ DATA_DIR: freshDataDir });
    try {
      const liveFile = path.join(scratch, 'live.jsonl.gz');
      const backup = await runCli(['backup', '--out', liveFile], { DATA_DIR: freshDataDir });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/ 1 files\.$/m);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.closed;
    }
  });
});
