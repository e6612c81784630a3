import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testPostgresUrl } from '../../test/helpers/postgres.js';
import { withIdleTransactionTimeout } from './engine.js';

describe('the engine connection URL', () => {
  it('sets the idle-in-transaction timeout when the connection starts', async () => {
    const client = new pg.Client({ connectionString: withIdleTransactionTimeout(testPostgresUrl) });
    await client.connect();
    try {
      const { rows } = await client.query('show idle_in_transaction_session_timeout');
      expect(rows[0].idle_in_transaction_session_timeout).toBe('1min');
    } finally {
      await client.end();
    }
  });

  it('keeps options already given and a timeout already chosen', () => {
    const withOptions = withIdleTransactionTimeout('postgres://u@h:5432/d?options=-c%20search_path%3Dx');
    expect(new URL(withOptions).searchParams.get('options')).toBe(
      '-c search_path=x -c idle_in_transaction_session_timeout=60000',
    );
    const chosen = 'postgres://u@h:5432/d?options=-c%20idle_in_transaction_session_timeout%3D5000';
    expect(withIdleTransactionTimeout(chosen)).toBe(chosen);
  });
});
