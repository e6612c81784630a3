import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per engine instance (its DBOS executor id): the heartbeat live instances read to find a
 * dead one, whose pending workflows they then recover. Times are the database's (`now()`), so clocks
 * of different machines never disagree about who is dead.
 */
export const engineInstances = pgTable(
  'engine_instances',
  {
    executorId: text('executor_id').primaryKey(),
    host: text('host').notNull(),
    pid: integer('pid').notNull(),
    version: text('version').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    beatAt: timestamp('beat_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set by a clean shutdown: the others may recover its workflows at once, without waiting. */
    stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('engine_instances_beat_idx').on(table.beatAt)],
);

/**
 * Effects outside DBOS done once per idempotency key (workflow id + step id): a step repeated by a
 * recovered or zombie executor finds its key here and gets the stored result instead of acting twice.
 */
export const engineEffects = pgTable(
  'engine_effects',
  {
    key: text('key').primaryKey(),
    result: jsonb('result'),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('engine_effects_done_idx').on(table.doneAt)],
);
