import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedDatabase } from '../../src/db/open-embedded.js';
import { postgresAnswers, postgresRequired, testPostgresUrl } from './postgres.js';

/**
 * Runs once per `npm test`: checks whether the test Postgres answers, and makes a migrated embedded
 * database that each test copies (copying takes a fraction of PGlite's first-start initdb). Both
 * reach the test files through the environment.
 */
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

  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-template-'));
  const template = await openEmbeddedDatabase({ dataDir: templateDir, command: 'test template' });
  await template.migrate();
  await template.close();
  process.env.SWITCHBOARD_TEST_TEMPLATE = templateDir;
  return () => fs.rmSync(templateDir, { recursive: true, force: true });
}
