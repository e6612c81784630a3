import { afterAll, beforeAll } from 'vitest';
import { killChildren } from './child-process.js';
import { requireFreshBuild } from './fresh-build.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-database.js';

/**
 * The database the server processes of a describe block share: made before its tests (once the
 * compiled server is known to be fresh), dropped after them, every process killed first (on the
 * embedded set-up, the drop also stops a server a killed process left running). Read it in a test.
 */
export function peerDatabase(kind: DatabaseKind = 'postgres'): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    requireFreshBuild();
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    killChildren();
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('The peer database is made in beforeAll');
    return database;
  };
}
