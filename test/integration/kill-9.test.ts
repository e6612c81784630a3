import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { events } from '../../src/bus/table.js';
import { openEmbeddedDatabase } from '../../src/db/open-embedded.js';
import { killChildren, spawnTypeScript, startServer } from '../helpers/child-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describe('durability of the embedded database', () => {
  let database: TestDatabase;
  afterEach(async () => {
    killChildren();
    await database.drop();
  });

  it('keeps every acknowledged write when the server is killed with SIGKILL mid-burst', async () => {
    database = await createTestDatabase('embedded');
    const env = { DATA_DIR: database.dataDir, PORT: '0', LOG_LEVEL: 'warn' };

    const writer = spawnTypeScript('test/fixtures/bus-peer.ts', { env });
    await writer.waitForLine((line) => line.includes('"ready"'));
    writer.send('burst');
    await writer.waitForLine((line) => line.includes('"ack"') && writer.stdout.length > 300);
    writer.child.kill('SIGKILL');
    await writer.exited;
    const acknowledged = writer.stdout
      .filter((line) => line.includes('"ack"'))
      .map((line) => JSON.parse(line).id as string);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    // The real server starts on the same directory: it takes over the dead process's lock and recovers.
    const server = await startServer({ DATA_DIR: database.dataDir });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const reopened = await openEmbeddedDatabase({ dataDir: database.dataDir, command: 'test' });
    try {
      const stored = await reopened.db
        .select({ id: events.id })
        .from(events)
        .where(eq(events.type, 'test.ping'));
      const storedIds = new Set(stored.map((row) => row.id));
      const lost = acknowledged.filter((id) => !storedIds.has(id));
      expect(lost).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
