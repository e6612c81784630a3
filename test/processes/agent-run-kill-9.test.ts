import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { query, workflowStatus } from '../engine/engine-peers.js';
import { killChildren, startBuiltServer } from '../helpers/child-process.js';
import { startFakeModelServer, type FakeModelServer } from '../helpers/fake-model-server.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const longText = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');

/** How many tasks of each title the run's tools added (its only effects outside DBOS). */
async function taskCounts(url: string): Promise<Record<string, number>> {
  const rows = await query<{ title: string; count: number }>(
    url,
    'select title, count(*)::int as count from tasks group by title',
    [],
  );
  return Object.fromEntries(rows.map((row) => [row.title, row.count]));
}

const runRow = async (url: string, runId: string) =>
  (
    await query<{ status: string; steps: number; output: string | null }>(
      url,
      'select status, steps, output from agent_runs where id = $1',
      [runId],
    )
  )[0];

/**
 * An agent run survives its process: the built server is killed (-9) while the run's third model
 * step streams; the server started again on the same database finishes the run, and the tools of
 * the two steps that had finished ran once each.
 */
describe('agent runs across kill -9', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let model: FakeModelServer;
  let url: string;
  let key: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    model = await startFakeModelServer();
    database = await createTestDatabase('postgres');
    url = database.settings.databaseUrl ?? '';
    const modelSettings = { model: 'openai-compatible:fake-model', modelBaseUrl: model.baseUrl };
    // The account, its key and the agent, written by an app without the engine, then closed.
    const config = testConfig({ ...database.settings, ...modelSettings });
    const app = await createApp({ config, logger: createLogger({ level: 'silent' }), engine: false });
    try {
      const alice = await seedUser(app, { email: 'alice@example.com' });
      key = (await createApiKey(app, await signIn(app, 'alice@example.com'))).key;
      await app.agents.create(actingAs({ userId: alice.id, role: 'user', via: 'http' }), {
        name: 'organizer',
        description: 'Keeps the todo list',
        tools: ['add_task'],
      });
    } finally {
      await app.close();
    }
    env = {
      DATABASE_URL: url,
      DATA_DIR: database.dataDir,
      INSTANCE_ID: 'agent-restarting',
      MODEL: modelSettings.model,
      MODEL_BASE_URL: model.baseUrl,
    };
  });
  afterAll(async () => {
    killChildren();
    await model?.close();
    await database?.drop();
  });

  it('finishes after a restart, each finished step’s tool once', async () => {
    model.script(
      { toolCalls: [{ name: 'add_task', arguments: { title: 'first' } }] },
      { toolCalls: [{ name: 'add_task', arguments: { title: 'second' } }] },
      { text: longText, delayMs: 200 },
    );
    const first = await startBuiltServer(env);
    const started = await fetch(`${first.url}/api/v1/agent-runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agent: 'organizer', input: 'Add two tasks, then tell me a story' }),
    });
    expect(started.status).toBe(202);
    const runId = ((await started.json()) as { id: string }).id;
    // Two steps recorded and the third one's model is streaming: kill the process there.
    await vi.waitFor(
      async () => {
        expect((await runRow(url, runId))?.steps).toBe(2);
        expect(model.requests).toHaveLength(3);
      },
      { timeout: 60_000, interval: 50 },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect((await runRow(url, runId))?.status).toBe('running');
    expect((await workflowStatus(url, runId))?.status).toBe('PENDING');
    expect(await taskCounts(url)).toEqual({ first: 1, second: 1 });

    // The cut-short step runs again after the restart: the model answers it anew.
    model.script({ text: 'Both tasks are added.' });
    const again = await startBuiltServer(env);
    await vi.waitFor(async () => expect((await runRow(url, runId))?.status).toBe('succeeded'), {
      timeout: 60_000,
      interval: 100,
    });
    expect(await runRow(url, runId)).toMatchObject({ steps: 3, output: 'Both tasks are added.' });
    expect(await taskCounts(url)).toEqual({ first: 1, second: 1 });
    // The model was asked for steps 1–3, then step 3 again: never for the finished steps twice.
    expect(model.requests).toHaveLength(4);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
