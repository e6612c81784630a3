import { DBOS } from '@dbos-inc/dbos-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { type App, createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { seedUser } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-database.js';
import { query } from '../engine/engine-peers.js';
import { insertWorkflow } from '../helpers/workflows.js';
import { definitionWith, deleteWorkflow, replaceDefinition } from './seed-workflow.js';

/** The DBOS schedules of one workflow, as DBOS keeps them. */
const schedulesOf = async (workflowId: string) =>
  (await DBOS.listSchedules({ scheduleNamePrefix: `wf:${workflowId}:` }))
    .map(({ scheduleName, schedule, cronTimezone, workflowName }) => ({
      scheduleName,
      schedule,
      cronTimezone,
      workflowName,
    }))
    .sort((a, b) => a.scheduleName.localeCompare(b.scheduleName));

describe.runIf(postgresAvailable)('schedule triggers on DBOS', () => {
  let database: TestDatabase;
  let app: App;
  let ownerId: string;

  /** The app with the engine on this test's database, as `serve` builds it (closed and opened again below). */
  const open = () =>
    createApp({
      config: testConfig({ ...database.settings, instanceId: 'schedules-test' }),
      logger: createLogger({ level: 'silent' }),
      engine: true,
    });

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    app = await open();
    ownerId = (await seedUser(app, { email: 'cron@example.com' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('makes one DBOS schedule per schedule trigger, follows edits, and drops them with the workflow', async () => {
    const owner = actingAs({ userId: ownerId, role: 'user', via: 'http' });
    const id = await insertWorkflow(
      app,
      ownerId,
      definitionWith('digest', [
        { kind: 'manual' },
        { kind: 'schedule', cron: '0 8 * * 1-5', time_zone: 'Europe/Paris' },
        { kind: 'schedule', cron: '*/30 * * * *' },
      ]),
    );
    await app.bus.publish(owner, 'workflow.created', { workflow_id: id, owner_id: ownerId, name: 'digest' });
    await expect
      .poll(() => schedulesOf(id))
      .toEqual([
        {
          scheduleName: `wf:${id}:1`,
          schedule: '0 8 * * 1-5',
          cronTimezone: 'Europe/Paris',
          workflowName: 'workflows.scheduledTrigger',
        },
        {
          scheduleName: `wf:${id}:2`,
          schedule: '*/30 * * * *',
          cronTimezone: 'UTC',
          workflowName: 'workflows.scheduledTrigger',
        },
      ]);

    await replaceDefinition(
      app,
      id,
      definitionWith('digest', [{ kind: 'schedule', cron: '15 7 * * *', time_zone: 'America/New_York' }]),
    );
    await app.bus.publish(owner, 'workflow.updated', { workflow_id: id, owner_id: ownerId, version: 2 });
    await expect
      .poll(() => schedulesOf(id))
      .toEqual([
        {
          scheduleName: `wf:${id}:0`,
          schedule: '15 7 * * *',
          cronTimezone: 'America/New_York',
          workflowName: 'workflows.scheduledTrigger',
        },
      ]);

    await deleteWorkflow(app, id);
    await app.bus.publish(owner, 'workflow.deleted', { workflow_id: id, owner_id: ownerId });
    await expect.poll(() => schedulesOf(id)).toEqual([]);
  });

  it('brings every schedule in step at launch, edits made while no instance ran included', async () => {
    const owner = actingAs({ userId: ownerId, role: 'user', via: 'http' });
    const gone = await insertWorkflow(
      app,
      ownerId,
      definitionWith('gone', [{ kind: 'schedule', cron: '0 9 * * *' }]),
    );
    await app.bus.publish(owner, 'workflow.created', { workflow_id: gone, owner_id: ownerId, name: 'gone' });
    await expect.poll(async () => (await schedulesOf(gone)).length).toBe(1);
    await app.close();

    // While nothing runs: one workflow deleted, another saved with a schedule (no event heard).
    await query(database.settings.databaseUrl ?? '', 'delete from workflows where id = $1', [gone]);
    app = await open();
    const added = await insertWorkflow(
      app,
      ownerId,
      definitionWith('added', [{ kind: 'schedule', cron: '0 10 * * *' }]),
    );
    expect(await schedulesOf(added)).toEqual([]);
    await app.close();
    app = await open();

    expect(await schedulesOf(gone)).toEqual([]);
    expect(await schedulesOf(added)).toMatchObject([
      { scheduleName: `wf:${added}:0`, schedule: '0 10 * * *' },
    ]);
  });
});
