import path from 'node:path';
import pg from 'pg';
import { projectRoot, spawnNode, type WatchedProcess } from '../helpers/child-process.js';

const fixture = path.join(projectRoot, 'test/fixtures/engine-peer.js');

/** Starts an engine peer (test/fixtures/engine-peer.js) and waits until its engine has launched. */
export async function startPeer(
  env: Record<string, string>,
): Promise<WatchedProcess & { executorId: string; databaseUrl: string }> {
  const peer = spawnNode([fixture], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  // A first start on a fresh DATA_DIR runs initdb for the embedded server: give it time.
  const ready = JSON.parse(await peer.waitForLine((line) => line.includes('"kind":"ready"'), 90_000));
  return { ...peer, executorId: ready.executor_id, databaseUrl: ready.database_url };
}

/** How many times each step of a run ran, from the rows the fixture's steps write: {1: n, 2: n, 3: n}. */
export async function stepCounts(url: string, runId: string): Promise<Record<number, number>> {
  const rows = await query<{ step: number; count: number }>(
    url,
    'select step, count(*)::int as count from engine_test_steps where run_id = $1 group by step',
    [runId],
  );
  return Object.fromEntries(rows.map((row) => [row.step, row.count]));
}

/** A workflow's DBOS status and the executor that ran it, read from DBOS's table. */
export async function workflowStatus(url: string, workflowId: string) {
  const [row] = await query<{ status: string; executor_id: string }>(
    url,
    'select status, executor_id from dbos.workflow_status where workflow_uuid = $1',
    [workflowId],
  );
  return row;
}

export async function query<Row>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}
