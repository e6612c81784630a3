import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { query, workflowStatus } from '../engine/engine-peers.js';
import { killChildren, startBuiltServer } from '../helpers/child-process.js';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { insertWorkflow } from '../helpers/workflows.js';

const items = 40;
const texts = Array.from({ length: items }, (_, index) => `text number ${index}`);

interface RunRow {
  status: string;
  items_total: number;
  items_done: number;
  items_failed: number;
  steps_done: number;
}

const runRow = async (url: string, runId: string) =>
  (
    await query<RunRow>(
      url,
      'select status, items_total, items_done, items_failed, steps_done from workflow_runs where id = $1',
      [runId],
    )
  )[0] as RunRow;

/** The context entries the run's first step wrote (its only effect outside DBOS and its own rows). */
const entries = (url: string, runId: string) =>
  query<{ key: string; version: number; value: unknown; writes: number }>(
    url,
    `select e.key, e.version, e.value,
       (select count(*)::int from context_entry_versions v where v.space_id = e.space_id and v.key = e.key) as writes
     from context_entries e join context_spaces s on s.id = e.space_id
     where s.run_id = $1 order by e.key`,
    [runId],
  );

/**
 * A pipeline survives its process: the built server is killed (-9) while a chunk of items is under
 * way, some of whose items have acted but are not yet recorded; the server started again on the same
 * database finishes the run, every item's act took effect exactly once (its context entry written
 * once, though its step ran again), and the counts are right.
 */
describe('pipeline runs across kill -9', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let url: string;
  let key: string;
  let workflowId: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    url = database.settings.databaseUrl ?? '';
    // The account, its key and the pipeline, written by an app without the engine, then closed.
    const app = await createApp({
      config: testConfig(database.settings),
      logger: createLogger({ level: 'silent' }),
      engine: false,
    });
    try {
      const alice = await seedUser(app, { email: 'alice@example.com' });
      key = (await createApiKey(app, await signIn(app, 'alice@example.com'))).key;
      workflowId = await insertWorkflow(app, alice.id, {
        name: 'mark-each',
        kind: 'pipeline',
        pipeline: { concurrency: 2 },
        steps: [
          // The effect: one context entry per item, in the run's own space.
          {
            id: 'mark',
            kind: 'tool',
            tool: 'context_set',
            input: { key: 'item-{{ index }}', value: '{{ item.text }}' },
          },
          // Slow enough that a chunk is under way, its first items marked, when the kill comes.
          { id: 'slow', kind: 'tool', tool: 'count_slowly', input: { to: 4, step_ms: 25 } },
        ],
      });
    } finally {
      await app.close();
    }
    env = {
      DATABASE_URL: url,
      DATA_DIR: database.dataDir,
      INSTANCE_ID: 'pipeline-restarting',
      MCP_FIXTURES: 'true',
    };
  });
  afterAll(async () => {
    killChildren();
    await database?.drop();
  });

  it('finishes after a restart, each item’s act once, the counts right', async () => {
    const first = await startBuiltServer(env);
    const started = await fetch(`${first.url}/api/v1/workflows/${workflowId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { texts } }),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const runId = ((await started.json()) as { id: string }).id;
    // Some items recorded, and some items of the chunk under way have written their entry
    // already without being recorded: kill the process there.
    await vi.waitFor(
      async () => {
        const row = await runRow(url, runId);
        expect(row.items_done).toBeGreaterThan(0);
        expect((await entries(url, runId)).length).toBeGreaterThan(row.items_done + row.items_failed);
      },
      { timeout: 60_000, interval: 10 },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await runRow(url, runId);
    const marked = (await entries(url, runId)).length;
    expect(atKill.status).toBe('running');
    expect(atKill.items_done).toBeLessThan(items);
    expect(marked).toBeGreaterThan(atKill.items_done);
    expect((await workflowStatus(url, runId))?.status).toBe('PENDING');

    const again = await startBuiltServer(env);
    await vi.waitFor(async () => expect((await runRow(url, runId)).status).toBe('succeeded'), {
      timeout: 90_000,
      interval: 100,
    });
    expect(await runRow(url, runId)).toEqual({
      status: 'succeeded',
      items_total: items,
      items_done: items,
      items_failed: 0,
      steps_done: items * 2,
    });
    const [{ count: itemRows } = { count: 0 }] = await query<{ count: number }>(
      url,
      "select count(*)::int as count from workflow_run_items where run_id = $1 and status = 'succeeded'",
      [runId],
    );
    expect(itemRows).toBe(items);
    // Every item's entry, written once: the items cut short ran again, but their act did not.
    const written = await entries(url, runId);
    expect(written.map((entry) => entry.key).sort()).toEqual(texts.map((_, index) => `item-${index}`).sort());
    for (const entry of written) {
      expect(entry, entry.key).toMatchObject({ version: 1, writes: 1 });
      expect(entry.value).toBe(texts[Number(entry.key.slice('item-'.length))]);
    }
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
