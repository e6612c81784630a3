import { postgresAnswers, postgresRequired, testPostgresUrl } from './postgres.js';

/** Checks once whether the test Postgres answers, and tells every test file through the environment. */
export default async function globalSetup() {
  const available = await postgresAnswers();
  if (!available && postgresRequired) {
    throw new Error(`The test Postgres at ${testPostgresUrl} does not answer, and this run requires it.`);
  }
  if (!available) {
    process.stderr.write(
      `\nNOTE: no Postgres at ${testPostgresUrl}; the Postgres variants of the tests are skipped.\n\n`,
    );
  }
  process.env.SWITCHBOARD_TEST_POSTGRES = available ? 'yes' : 'no';
}
