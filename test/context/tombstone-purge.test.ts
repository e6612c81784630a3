import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restActor } from '../helpers/workflows.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const day = 24 * 60 * 60 * 1000;

/** Deleted entries stay restorable for CONTEXT_RETENTION_DAYS; then the hourly sweep purges them and their history. */
describe('context tombstones', { timeout: 60_000 }, () => {
  let testApp: TestApp;
  let offset = 0;

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', {
      clock: { now: () => new Date(Date.now() + offset) },
      settings: { contextRetentionDays: '7' },
    });
  });
  afterAll(() => testApp?.close());

  it('purges a deleted entry older than the retention period at the sweep, and keeps the rest', async () => {
    const { app } = testApp;
    const actor = restActor((await seedUser(app, { email: 'keeper@example.com' })).id);
    const space = await app.context.spaces.create(actor, { name: 'notes' });
    await app.context.entries.set(actor, space.id, 'old', { value: { v: 1 } });
    await app.context.entries.delete(actor, space.id, 'old');
    await app.context.entries.set(actor, space.id, 'kept', { value: { v: 1 } });
    offset = 6 * day;
    await app.context.entries.set(actor, space.id, 'recent', { value: { v: 1 } });
    await app.context.entries.delete(actor, space.id, 'recent');
    offset = 8 * day;

    await app.listen(); // the sweep runs at once, then hourly
    await expect
      .poll(
        async () =>
          (await app.context.entries.list(actor, space.id, { include_deleted: true })).items.map(
            (item) => item.key,
          ),
        {
          timeout: 20_000,
        },
      )
      .toEqual(['kept', 'recent']);
    await expect(app.context.entries.history(actor, space.id, 'old', {})).rejects.toMatchObject({
      code: 'CONTEXT_ENTRY_NOT_FOUND',
    });
    // The recent tombstone is still restorable.
    const restored = await app.context.entries.restore(actor, space.id, 'recent', { version: 1 });
    expect(restored).toMatchObject({ version: 3, value: { v: 1 } });
    // A purged key starts over.
    expect((await app.context.entries.set(actor, space.id, 'old', { value: 2, if_version: 0 })).version).toBe(
      1,
    );
  });
});
