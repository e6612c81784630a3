import { openPostgresDatabase } from '../../src/db/open-postgres.js';
import { createLogger } from '../../src/logger.js';
import {
  adminQuery,
  testPostgresAnswers,
  testDatabaseUrl,
  testPostgresUrl,
  uniqueDatabaseName,
} from './postgres.js';

/**
 * Runs once per `npm test`: checks that the test Postgres answers (every test needs it), and makes
 * a migrated template database that each test file's database is created from (`create database …
 * template …` copies it in a fraction of the time migrating takes). Its name reaches the test
 * files through the environment.
 */
export default async function globalSetup() {
  if (!(await testPostgresAnswers())) {
    throw new Error(
      `The tests need a PostgreSQL server at ${testPostgresUrl} (set TEST_DATABASE_URL to use another). ` +
        'Start one, e.g. docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres.',
    );
  }
  const template = uniqueDatabaseName('switchboard_template');
  await adminQuery(`create database ${template}`);
  const database = await openPostgresDatabase({
    url: testDatabaseUrl(template),
    logger: createLogger({ level: 'silent' }),
  });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  process.env.SWITCHBOARD_TEST_TEMPLATE_DB = template;
  return () => adminQuery(`drop database if exists ${template} with (force)`);
}
