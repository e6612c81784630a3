import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DBOS } from '@dbos-inc/dbos-sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { launchInTurn } from '../../src/engine/launch-in-turn.js';
import { createLogger } from '../../src/logger.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-database.js';
import { query } from './engine-peers.js';

/** The key launchInTurn polls (src/engine/launch-in-turn.ts). */
const launchLockKey = 7_310_205_116;

describe.runIf(postgresAvailable)('the durable engine starting and stopping', () => {
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    url = database.settings.databaseUrl ?? '';
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** The app with the engine, its log lines at `warn` and above collected. */
  const engineApp = async (instanceId: string) => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await createApp({
      config: testConfig({ ...database.settings, instanceId }),
      logger: createLogger({ level: 'warn', destination }),
      engine: true,
    });
    return { app, lines };
  };

  it('lets a workflow running at shutdown finish before marking the instance stopped', async () => {
    let stepStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (stepStarted = resolve));
    // The step outlives the start of the shutdown: it returns only once DBOS stops taking work.
    const outlivesShutdown = DBOS.registerWorkflow(
      async () =>
        DBOS.runStep(
          async () => {
            stepStarted();
            while (DBOS.isInitialized()) await sleep(20);
            return 'finished';
          },
          { name: 'outlive' },
        ),
      { name: 'outlivesShutdown' },
    );
    const { app } = await engineApp('draining');
    const handle = await DBOS.startWorkflow(outlivesShutdown, { workflowID: 'drained-1' })();
    await started;
    await app.close();

    const [workflow] = await query<{ status: string }>(
      url,
      "select status from dbos.workflow_status where workflow_uuid = 'drained-1'",
    );
    expect(workflow?.status).toBe('SUCCESS');
    expect(handle.workflowID).toBe('drained-1');
    const [instance] = await query<{ stopped: boolean }>(
      url,
      "select stopped_at is not null as stopped from engine_instances where executor_id = 'draining'",
    );
    expect(instance?.stopped).toBe(true);
  });

  it('logs an error when another live process already beats with the same executor id', async () => {
    await query(
      url,
      `insert into engine_instances (executor_id, host, pid, version, started_at, beat_at)
       values ('twin', 'another-host', 1, 'test', now(), now())`,
    );
    const { app, lines } = await engineApp('twin');
    await app.close();
    expect(lines.join('')).toMatch(/another process with this executor id beat recently/);

    // Its own clean stop is no twin: starting again says nothing.
    const again = await engineApp('twin');
    await again.app.close();
    expect(again.lines.join('')).not.toMatch(/another process with this executor id/);
  });

  it('gives up launching when another instance holds the launch lock past the limit', async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [launchLockKey]);
      let launched = false;
      await expect(
        launchInTurn({
          url,
          launch: async () => void (launched = true),
          logger: createLogger({ level: 'silent' }),
          waitAtMostMs: 200,
        }),
      ).rejects.toThrow(/giving up/);
      expect(launched).toBe(false);
    } finally {
      await holder.end();
    }
  });
});
