import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { type Actor, actorUserId, type Surface } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import { requireAdmin } from '../../../actor-policy.js';
import { type AuditEntry, type AuditPage, type AuditQuery, auditQuerySchema } from '../schema.js';
import { auditLog } from '../table.js';
import { createBatcher } from '../../../db/batcher.js';
import type { Logger } from '../../../logger.js';

/** One audited action. `actor` is who did it; for a failed sign-in it is the system and `actorId` the account, if known. */
export interface AuditInput {
  action: string;
  status: 'success' | 'failure' | 'denied' | 'error';
  surface?: Surface;
  actorId?: string | null;
  subject?: string;
  reason?: string;
  ip?: string;
  userAgent?: string;
  durationMs?: number;
  details?: Record<string, unknown>;
}

type AuditRow = typeof auditLog.$inferSelect;

/** An audit entry as clients see it. */
function toAuditEntryView(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor_id: row.actorId,
    action: row.action,
    status: row.status,
    surface: row.surface,
    subject: row.subject,
    reason: row.reason,
    ip: row.ip,
    user_agent: row.userAgent,
    duration_ms: row.durationMs,
    details: row.details,
  };
}

const dayMs = 24 * 60 * 60 * 1000;

/** The audit log: every module records security-relevant actions here; admins read it. */
export function createAuditService({
  logger,
  db,
  clock,
  ids,
  retentionDays,
}: {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  retentionDays: number;
  logger: Logger;
}) {
  const toRow = (actor: Actor, input: AuditInput): typeof auditLog.$inferInsert => ({
    id: ids(),
    at: clock.now(),
    actorId: input.actorId === undefined ? actorUserId(actor) : input.actorId,
    action: input.action,
    status: input.status,
    surface: input.surface ?? actor.via,
    subject: input.subject ?? null,
    reason: input.reason ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    durationMs: input.durationMs ?? null,
    details: input.details ?? {},
  });
  const toJsonRow = (row: typeof auditLog.$inferInsert) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor_id: row.actorId,
    action: row.action,
    status: row.status,
    surface: row.surface,
    subject: row.subject,
    reason: row.reason,
    ip: row.ip,
    user_agent: row.userAgent,
    duration_ms: row.durationMs,
    details: row.details,
  });
  const batch = createBatcher<typeof auditLog.$inferInsert>({
    name: 'audit',
    logger,
    // One JSON parameter for the whole batch rather than a dozen per row (one statement, few binds).
    write: async (rows) =>
      void (await db.execute(sql`
        insert into ${auditLog} (id, at, actor_id, action, status, surface, subject, reason, ip, user_agent, duration_ms, details)
        select id, at, actor_id, action, status, surface, subject, reason, ip, user_agent, duration_ms, details
        from json_to_recordset(${JSON.stringify(rows.map(toJsonRow))}::json) as incoming(
          id text, at timestamptz, actor_id text, action text, status text, surface text, subject text,
          reason text, ip text, user_agent text, duration_ms integer, details jsonb)`)),
  });

  return {
    /** Appends an entry, stored before this returns (security events: sign-in, keys, roles). */
    async record(actor: Actor, input: AuditInput): Promise<void> {
      await db.insert(auditLog).values(toRow(actor, input));
    },

    /**
     * Appends an entry in the next batch, stored within milliseconds (one write for many), for
     * high-volume entries such as tool calls. A crash can lose the last few milliseconds of them.
     */
    recordSoon(actor: Actor, input: AuditInput): void {
      batch.add(toRow(actor, input));
    },

    /** Stores every batched entry (at shutdown, or before reading the log in tests). */
    flush: () => batch.drain(),

    /** Entries newest first, filtered, a page at a time. Admins only. */
    async list(actor: Actor, query: AuditQuery): Promise<AuditPage> {
      requireAdmin(actor);
      const { user_id, action, since, until, limit, cursor } = auditQuerySchema.parse(query);
      const conditions: SQL[] = [];
      if (user_id) conditions.push(eq(auditLog.actorId, user_id));
      if (action) conditions.push(eq(auditLog.action, action));
      if (since) conditions.push(gte(auditLog.at, since));
      if (until) conditions.push(lte(auditLog.at, until));
      if (cursor) conditions.push(lt(auditLog.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(desc(auditLog.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, toAuditEntryView);
      return { items, next_cursor: nextCursor };
    },

    /** Deletes entries older than the retention period; returns how many. */
    async prune(): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - retentionDays * dayMs);
      const deleted = await db.delete(auditLog).where(lt(auditLog.at, cutoff)).returning({ id: auditLog.id });
      return deleted.length;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
