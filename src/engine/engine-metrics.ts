import { sql } from 'drizzle-orm';
import { Counter, Gauge } from 'prom-client';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { countAlive } from './heartbeat.js';

/** The schema DBOS keeps its system tables in, in the app's own database. */
export const dbosSchema = 'dbos';

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/**
 * The engine's figures on /metrics, read from the database at each scrape (DBOS has no hooks for
 * counting, and its tables are the truth across instances). Every query uses one of DBOS's partial
 * indexes (in-flight, pending, completed_at), so a scrape stays cheap however long the history is.
 */
export function observeEngine({
  metrics,
  db,
  executorId,
  deadAfterMs,
  since,
  logger,
}: {
  metrics: Metrics;
  db: Database;
  executorId: string;
  deadAfterMs: number;
  /**
   * Workflows finished before this (epoch ms by the database's clock, which stamps completed_at)
   * are not counted: the counter starts with the engine.
   */
  since: number;
  logger: Logger;
}) {
  const registers = [metrics.registry];
  const warn = (error: unknown) => logger.warn({ err: error }, 'could not read the engine metrics');
  new Gauge({
    name: 'engine_instances_alive',
    help: 'Engine instances (DBOS executors) whose heartbeat is fresh, this one included',
    registers,
    async collect() {
      await countAlive(db, deadAfterMs).then((alive) => this.set(alive), warn);
    },
  });
  new Gauge({
    name: 'engine_workflows',
    help: 'Workflows waiting (ENQUEUED) or running (PENDING) on any instance, by status',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      try {
        const rows = rowsOf<{ status: string; count: number }>(
          await db.execute(sql`select status, count(*)::int as count from ${sql.identifier(dbosSchema)}.workflow_status
            where status in ('ENQUEUED', 'PENDING') group by status`),
        );
        for (const status of ['ENQUEUED', 'PENDING']) this.set({ status }, 0);
        for (const row of rows) this.set({ status: row.status }, row.count);
      } catch (error) {
        warn(error);
      }
    },
  });
  new Gauge({
    name: 'engine_workflow_oldest_enqueued_seconds',
    help: 'How long the oldest workflow waiting in a queue (ENQUEUED) has waited; 0 when none waits',
    registers,
    async collect() {
      try {
        const [row] = rowsOf<{ age: number | null }>(
          await db.execute(sql`select (extract(epoch from now()) * 1000 - min(created_at))::float8 / 1000 as age
            from ${sql.identifier(dbosSchema)}.workflow_status where status = 'ENQUEUED'`),
        );
        this.set(Math.max(row?.age ?? 0, 0));
      } catch (error) {
        warn(error);
      }
    },
  });
  new Gauge({
    name: 'engine_workflows_running',
    help: 'Workflows this instance is running (PENDING on its executor id)',
    registers,
    async collect() {
      try {
        const [row] = rowsOf<{ count: number }>(
          await db.execute(sql`select count(*)::int as count from ${sql.identifier(dbosSchema)}.workflow_status
            where status = 'PENDING' and executor_id = ${executorId}`),
        );
        this.set(row?.count ?? 0);
      } catch (error) {
        warn(error);
      }
    },
  });
  // Counted forward from a cursor on completed_at, so each scrape reads only what finished since the last.
  let cursor = since;
  new Counter({
    name: 'engine_workflows_finished_total',
    help: 'Workflows this instance finished since it started, by final status (SUCCESS, ERROR, CANCELLED …)',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      try {
        const rows = rowsOf<{ status: string; count: number; last: string }>(
          await db.execute(sql`select status, count(*)::int as count, max(completed_at)::text as last
            from ${sql.identifier(dbosSchema)}.workflow_status
            where completed_at > ${cursor} and executor_id = ${executorId} group by status`),
        );
        for (const row of rows) {
          this.inc({ status: row.status }, row.count);
          cursor = Math.max(cursor, Number(row.last));
        }
      } catch (error) {
        warn(error);
      }
    },
  });
  return {
    recovered: new Counter({
      name: 'engine_workflows_recovered_total',
      help: 'Pending workflows of dead instances this instance handed back to the queue',
      registers,
    }),
    takenForDead: new Counter({
      name: 'engine_taken_for_dead_total',
      help: 'Heartbeats that found this instance taken for dead (its workflows recovered elsewhere; steps may repeat)',
      registers,
    }),
  };
}

export type EngineMetrics = ReturnType<typeof observeEngine>;
