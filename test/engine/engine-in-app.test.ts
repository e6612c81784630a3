import { DBOS } from '@dbos-inc/dbos-sdk';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { effectKey, runEffectOnce } from '../../src/engine/index.js';
import { readPostmaster } from '../../src/db/embedded/postmaster.js';
import { createLogger } from '../../src/logger.js';
import { buildTestApp, testConfig } from '../helpers/test-app.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-database.js';
import { query } from './engine-peers.js';

describe.runIf(postgresAvailable)('the durable engine inside the app', () => {
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    url = database.settings.databaseUrl ?? '';
    await query(url, 'create table engine_test_effects (n int)');
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Builds the app with the engine on the shared test database, as `serve` does. */
  const engineApp = (settings: Record<string, string> = {}) =>
    createApp({
      config: testConfig({ ...database.settings, instanceId: 'in-process', ...settings }),
      logger: createLogger({ level: 'silent' }),
      engine: true,
    });

  const connectionsTo = async (name: string) =>
    (
      await query<{ count: number }>(
        url,
        'select count(*)::int as count from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      )
    )[0]?.count;

  it('runs a workflow, shows the figures on /metrics, and leaves no connection behind when closed', async () => {
    // The workflow is registered before the app exists; it reaches the app's database through this.
    const built: { db?: Database } = {};
    // Registered before the app launches DBOS, as a module does while the app is built.
    const effectTwice = DBOS.registerWorkflow(
      async () =>
        DBOS.runStep(
          async () => {
            // The same step repeating its effect (as after a recovery): the second is a no-op.
            const write = (tx: Parameters<Parameters<typeof runEffectOnce>[0]['effect']>[0]) =>
              tx.execute(sql`insert into engine_test_effects (n) values (1)`).then(() => 'written');
            if (!built.db) throw new Error('the app is not built yet');
            const first = await runEffectOnce({ db: built.db, key: effectKey(), effect: write });
            const second = await runEffectOnce({ db: built.db, key: effectKey(), effect: write });
            return [first, second];
          },
          { name: 'write-once' },
        ),
      { name: 'effectTwice' },
    );
    const app = await engineApp();
    built.db = app.database.db;
    expect(app.engine?.executorId).toBe('in-process');

    const handle = await DBOS.startWorkflow(effectTwice)();
    expect(await handle.getResult()).toEqual(['written', 'written']);
    expect(await query(url, 'select n from engine_test_effects')).toEqual([{ n: 1 }]);

    const scraped = await app.http.inject({ method: 'GET', url: '/metrics' });
    expect(scraped.body).toMatch(/^engine_instances_alive 1$/m);
    expect(scraped.body).toMatch(/^engine_workflows_finished_total\{status="SUCCESS"\} 1$/m);
    expect(scraped.body).toMatch(/^engine_workflows\{status="PENDING"\} 0$/m);
    expect(scraped.body).toMatch(/^engine_workflows_running 0$/m);
    expect(scraped.body).toMatch(/^engine_workflows_recovered_total 0$/m);

    await app.close();
    expect(DBOS.isInitialized()).toBe(false);
    expect(await connectionsTo(new URL(url).pathname.slice(1))).toBe(0);
    const [row] = await query<{ stopped: boolean }>(
      url,
      "select stopped_at is not null as stopped from engine_instances where executor_id = 'in-process'",
    );
    expect(row?.stopped).toBe(true);
  });

  it('launches again in the same process once the previous app has closed', async () => {
    const app = await engineApp();
    try {
      expect(DBOS.isInitialized()).toBe(true);
      expect(DBOS.executorID).toBe('in-process');
    } finally {
      await app.close();
    }
  });

  it('refuses a second engine in the process while one runs, and the refused app cleans up', async () => {
    const app = await engineApp();
    try {
      await expect(engineApp({ instanceId: 'another' })).rejects.toThrow(/runs once per process/);
      expect(DBOS.executorID).toBe('in-process');
    } finally {
      await app.close();
    }
  });

  it('runs the same effect key once, even when two runs race', async () => {
    const testApp = await buildTestApp('postgres');
    try {
      const db = testApp.app.database.db;
      let runs = 0;
      const effect = async () => ++runs;
      const results = await Promise.all([
        runEffectOnce({ db, key: 'workflow-1:3', effect }),
        runEffectOnce({ db, key: 'workflow-1:3', effect }),
      ]);
      expect(runs).toBe(1);
      expect(results).toEqual([1, 1]);
      expect(await runEffectOnce({ db, key: 'workflow-1:4', effect })).toBe(2);
      expect(() => effectKey()).toThrow(/inside DBOS.runStep/);
    } finally {
      await testApp.close();
    }
  });
});

describe('the durable engine on the embedded PostgreSQL server', { timeout: 120_000 }, () => {
  it('runs there too, with its schema beside ours, and the server stops with the app', async () => {
    const embedded = await createTestDatabase('embedded');
    try {
      const app = await createApp({
        config: testConfig({ ...embedded.settings, instanceId: 'embedded' }),
        logger: createLogger({ level: 'silent' }),
        engine: true,
      });
      let pgDir = '';
      try {
        expect(app.engine?.executorId).toBe('embedded');
        pgDir = app.database.location;
        const schemas = await query<{ name: string }>(
          app.database.url,
          `select nspname as name from pg_namespace where nspname = 'dbos'`,
        );
        expect(schemas).toEqual([{ name: 'dbos' }]);
      } finally {
        await app.close();
      }
      expect(readPostmaster(pgDir)).toBeUndefined();
    } finally {
      await embedded.drop();
    }
  });
});
