import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { events } from '../../src/bus/table.js';
import { isAlive, readPostmaster } from '../../src/db/embedded/postmaster.js';
import { openEmbeddedDatabase } from '../../src/db/open-embedded.js';
import { createLogger } from '../../src/logger.js';
import { killChildren, spawnTypeScript, startServer } from '../helpers/child-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describe('durability of the embedded database', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  afterEach(async () => {
    killChildren();
    await database.drop();
  });

  it('keeps every acknowledged write when the server is killed with SIGKILL mid-burst', async () => {
    database = await createTestDatabase('embedded');
    const env = { ...database.env, PORT: '0', LOG_LEVEL: 'warn' };

    const writer = spawnTypeScript('test/fixtures/bus-peer.ts', { env });
    await writer.waitForLine((line) => line.includes('"ready"'), 60_000);
    writer.send('burst');
    await writer.waitForLine((line) => line.includes('"ack"') && writer.stdout.length > 300);
    writer.child.kill('SIGKILL');
    await writer.exited;
    const acknowledged = writer.stdout
      .filter((line) => line.includes('"ack"'))
      .map((line) => JSON.parse(line).id as string);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    // The killed process's PostgreSQL outlives it; the next start takes over the lock and adopts it.
    const pgDir = path.join(database.dataDir, 'postgres');
    const orphan = readPostmaster(pgDir);
    expect(orphan && isAlive(orphan.pid)).toBe(true);
    const server = await startServer({ ...database.env, LOG_LEVEL: 'info' });
    expect(server.stdout.some((line) => line.includes('embedded PostgreSQL adopted'))).toBe(true);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // A clean shutdown stops the server it adopted.
    expect(isAlive(orphan?.pid ?? 0)).toBe(false);
    expect(readPostmaster(pgDir)).toBeUndefined();

    const reopened = await openEmbeddedDatabase({
      dataDir: database.dataDir,
      command: 'test',
      logger: createLogger({ level: 'silent' }),
    });
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

    // After a reboot the pid in a leftover postmaster.pid may belong to another program (here, us):
    // PostgreSQL would refuse to start over it, so the file is set aside and the server starts.
    fs.writeFileSync(
      path.join(pgDir, 'postmaster.pid'),
      `${process.pid}\n${pgDir}\n0\n5432\n\n\n\nready   \n`,
    );
    const afterReboot = await openEmbeddedDatabase({
      dataDir: database.dataDir,
      command: 'test',
      logger: createLogger({ level: 'silent' }),
    });
    await afterReboot.ping();
    await afterReboot.close();
  });
});
