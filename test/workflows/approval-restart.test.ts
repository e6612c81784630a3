import { DBOS } from '@dbos-inc/dbos-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, serverSetUps, type TestDatabase } from '../helpers/test-database.js';
import { insertRun } from './seed-rows.js';
import { parseStep, registerStepHarness } from './step-harness.js';

/**
 * An approval waits in DBOS's `recv` and in its row: an app closed while a run waits, and built again
 * on the same database (the same executor id), shows it in the inbox and resumes the run with the
 * answer. On both set-ups: on the embedded one, the server stops with the app and starts with the next.
 */
describe.each(serverSetUps)('an approval across a restart, $name', { timeout: 60_000 }, ({ kind }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.drop());

  /** The app as `serve` builds it, on the same database and executor id each time, with the harness registered first. */
  const start = async () => {
    const harness = registerStepHarness();
    const app = await createApp({
      // A short drain: the waiting workflow is left PENDING at close, as after a stop mid-wait.
      config: testConfig({
        ...database.settings,
        instanceId: 'approvals-restart',
        shutdownTimeoutMs: '1000',
      }),
      logger: createLogger({ level: 'silent' }),
      engine: true,
    });
    harness.useApp(app);
    return { app, harness };
  };

  it('is answered from a new app on the same database, and the waiting workflow resumes there', async () => {
    const first = await start();
    const user = await seedUser(first.app, { email: 'alice@example.com' });
    const alice = actingAs({ userId: user.id, role: 'user', via: 'http' });
    const cookie = await signIn(first.app, 'alice@example.com');
    const run = await insertRun(first.app, alice);
    await DBOS.startWorkflow(first.harness.approval, { workflowID: run.id })(
      run,
      'sign_off',
      parseStep({ id: 'sign_off', kind: 'approval', message: 'Sign off?' }),
    );
    const inbox = (app: typeof first.app) => as(app, { cookie })({ method: 'GET', url: '/api/v1/approvals' });
    const pending = await vi.waitFor(
      async () => {
        const [item] = (await inbox(first.app)).json().items;
        if (!item) throw new Error('no approval yet');
        return item as { id: string };
      },
      { timeout: 20_000, interval: 100 },
    );
    await first.app.close();

    const second = await start();
    try {
      expect((await inbox(second.app)).json().items).toMatchObject([{ id: pending.id, status: 'pending' }]);
      const answered = await as(second.app, { cookie })({
        method: 'POST',
        url: `/api/v1/approvals/${pending.id}/answer`,
        payload: { approved: true, comment: 'After the restart' },
      });
      expect(answered.statusCode, answered.body).toBe(200);
      expect(await DBOS.retrieveWorkflow(run.id).getResult()).toMatchObject({
        approved: true,
        comment: 'After the restart',
      });
    } finally {
      await second.app.close();
    }
  });
});
