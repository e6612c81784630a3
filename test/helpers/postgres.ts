import pg from 'pg';
import { postgresAnswers } from '../../src/db/postgres-answers.js';

/** The Postgres the tests use; each test file gets a fresh database on it, dropped afterwards. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when the test Postgres answers. */
export function testPostgresAnswers(): Promise<boolean> {
  return postgresAnswers(testPostgresUrl, { timeoutMs: 2_000 });
}

/** The URL of database `name` on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A name no other test file or run uses. */
export const uniqueDatabaseName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/**
 * Creates a database, a copy of `template` (a migrated one, much faster than migrating each) or
 * empty; returns its URL and the function that drops it.
 */
export async function createScratchPostgres({ template }: { template?: string } = {}): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = uniqueDatabaseName('switchboard_test');
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
  return {
    url: testDatabaseUrl(name),
    drop: async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export async function adminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  statement: string,
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return (await client.query<Row>(statement)).rows;
  } finally {
    await client.end();
  }
}
