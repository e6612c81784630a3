import pg from 'pg';

/** True when a Postgres at `url` accepts a connection and answers `select 1` within the timeout. */
export async function postgresAnswers(url: string, { timeoutMs = 5_000 } = {}): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
