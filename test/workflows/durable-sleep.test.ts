import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { query } from '../engine/engine-peers.js';
import { seedUser } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import {
  createTestDatabase,
  serverSetUps,
  type TestDatabase,
  whileClosed,
} from '../helpers/test-database.js';
import { insertWorkflow, restActor } from '../helpers/workflows.js';

/**
 * A sleep step is a DBOS durable sleep: DBOS records its wake-up time once, so an app closed while a
 * run sleeps and built again on the same database (the same executor id) goes on sleeping what is left.
 * On both set-ups: on the embedded one, the server stops with the app and starts again with the next.
 */
describe.each(serverSetUps)('a sleeping run across a restart, $name', { timeout: 60_000 }, ({ kind }) => {
  let database: TestDatabase;
  let app: App | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // A short drain: the sleeping run outlasts it and is left pending for the next start.
  const build = () =>
    createApp({
      config: testConfig({
        ...database.settings,
        instanceId: 'sleeper',
        mcpFixtures: 'true',
        shutdownTimeoutMs: '400',
      }),
      logger: createLogger({ level: 'silent' }),
      engine: true,
    });

  /** The wake-up times DBOS recorded for the run's sleeps. */
  const wakeUps = async (url: string, runId: string) =>
    (
      await query<{ output: string }>(
        url,
        "select output from dbos.operation_outputs where workflow_uuid = $1 and function_name = 'DBOS.sleep'",
        [runId],
      )
    ).map((row) => Number(JSON.parse(row.output)));

  it('finishes after the restart, keeping the wake-up time it recorded before it', async () => {
    app = await build();
    const owner = restActor((await seedUser(app, { email: 'sleeper@example.com' })).id);
    await insertWorkflow(app, owner.userId, {
      name: 'nap-then-echo',
      steps: [
        { id: 'nap', kind: 'sleep', duration_ms: 2_500 },
        { id: 'after', kind: 'tool', tool: 'echo', needs: ['nap'], input: { message: 'awake' } },
      ],
    });
    const run = await app.workflows.runs.start(owner, {
      workflow: 'nap-then-echo',
      trigger: { kind: 'manual', surface: 'test' },
    });
    await vi.waitFor(
      async () => expect((await app?.workflows.runs.get(owner, run.id))?.status).toBe('waiting'),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
    // The step is marked waiting just before DBOS records the sleep.
    const before = await vi.waitFor(
      async () => {
        const recorded = await wakeUps(app?.database.url ?? '', run.id);
        expect(recorded).toHaveLength(1);
        return recorded;
      },
      { timeout: 10_000, interval: 20 },
    );
    await app.close();
    app = undefined;
    // Closed mid-sleep: the run waits in its row, and DBOS holds its workflow pending for the next start.
    const [left] = await whileClosed(database, (url) =>
      query<{ status: string; dbos: string }>(
        url,
        `select r.status, w.status as dbos from workflow_runs r join dbos.workflow_status w on w.workflow_uuid = r.id
         where r.id = $1`,
        [run.id],
      ),
    );
    expect(left).toEqual({ status: 'waiting', dbos: 'PENDING' });

    app = await build();
    const ended = await app.workflows.runs.waitForEnd(owner, run.id, { timeoutMs: 20_000 });
    expect(ended.status).toBe('succeeded');
    expect(ended.output).toEqual({ message: 'awake' });
    expect(await wakeUps(app.database.url, run.id)).toEqual(before);
    const nap = (await app.workflows.runs.get(owner, run.id)).steps.find((step) => step.path === 'nap');
    expect(nap?.status).toBe('succeeded');
    expect(Date.parse(nap?.ended_at ?? '')).toBeGreaterThanOrEqual(before[0] ?? Number.POSITIVE_INFINITY);
  });
});
