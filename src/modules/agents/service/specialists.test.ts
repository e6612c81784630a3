import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { testConfig } from '../../../../test/helpers/test-app.js';
import { systemClock } from '../../../clock.js';
import type { DatabaseHandle } from '../../../db/database.js';
import { openDatabase } from '../../../db/open-database.js';
import { createLogger } from '../../../logger.js';
import { specialists } from '../specialists/index.js';
import { agents, agentVersions } from '../table.js';
import { syncSpecialists } from './specialists.js';

describe('the built-in specialists kept in step with the code', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
    database = await openDatabase({
      config: testConfig(testDatabase.settings),
      logger: createLogger({ level: 'silent' }),
      command: 'test',
    });
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  const versions = async () => {
    const rows = await database.db
      .select({ version: agentVersions.version })
      .from(agentVersions)
      .innerJoin(agents, eq(agents.id, agentVersions.agentId))
      .where(eq(agents.builtin, true));
    return { versions: rows.length, newest: Math.max(0, ...rows.map((row) => row.version)) };
  };

  it('inserts each once, and a start with nothing changed writes no new version', async () => {
    await syncSpecialists({ db: database.db, clock: systemClock });
    expect(await versions()).toEqual({ versions: specialists.length, newest: 1 });
    // The stored definitions come back from jsonb with their keys reordered: still unchanged.
    await syncSpecialists({ db: database.db, clock: systemClock });
    await syncSpecialists({ db: database.db, clock: systemClock });
    expect(await versions()).toEqual({ versions: specialists.length, newest: 1 });
  });
});
