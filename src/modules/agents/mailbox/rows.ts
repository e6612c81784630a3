import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { type AgentMessageRow, agentMessages } from '../table.js';
import type { AgentMessageView } from './schema.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toAgentMessageView(row: AgentMessageRow): AgentMessageView {
  return {
    id: row.id,
    to_agent_id: row.toAgentId,
    to_run_id: row.toRunId,
    from_agent_id: row.fromAgentId,
    from_run_id: row.fromRunId,
    correlation_id: row.correlationId,
    reply_to: row.replyTo,
    capability: row.capability,
    payload: row.payload as AgentMessageView['payload'],
    status: row.status,
    attempts: row.attempts,
    max_attempts: row.maxAttempts,
    replays: row.replays,
    visible_at: row.visibleAt.toISOString(),
    lease_until: iso(row.leaseUntil),
    delivered_at: iso(row.deliveredAt),
    acked_at: iso(row.ackedAt),
    dead_at: iso(row.deadAt),
    created_at: row.createdAt.toISOString(),
  };
}

/** A mailbox: the owner's messages to an agent (`runId` null) or to one of its runs. */
export interface Mailbox {
  ownerId: string;
  agentId: string;
  runId: string | null;
}

/**
 * Leases up to `limit` visible pending messages of the mailbox to the caller, oldest first, for
 * `leaseMs` (database time). `skip locked`: two receivers never take the same message.
 */
export async function claimMessages(
  db: Database,
  { mailbox, limit, leaseMs }: { mailbox: Mailbox; limit: number; leaseMs: number },
): Promise<AgentMessageRow[]> {
  const waiting = db
    .select({ id: agentMessages.id })
    .from(agentMessages)
    .where(
      and(
        eq(agentMessages.ownerId, mailbox.ownerId),
        eq(agentMessages.toAgentId, mailbox.agentId),
        mailbox.runId === null ? isNull(agentMessages.toRunId) : eq(agentMessages.toRunId, mailbox.runId),
        eq(agentMessages.status, 'pending'),
        lte(agentMessages.visibleAt, sql`now()`),
      ),
    )
    .orderBy(asc(agentMessages.visibleAt), asc(agentMessages.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(agentMessages)
    .set({
      status: 'delivered',
      attempts: sql`${agentMessages.attempts} + 1`,
      deliveredAt: sql`now()`,
      leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000}::float8)`,
    })
    .where(inArray(agentMessages.id, waiting))
    .returning();
  return claimed.sort(
    (left, right) => left.visibleAt.getTime() - right.visibleAt.getTime() || left.id.localeCompare(right.id),
  );
}

/** What the watch workflow does next, read by the database's clock. */
export type WatchState =
  | { kind: 'done'; status: 'acked' | 'dead' }
  | { kind: 'wait'; ms: number | null }
  | { kind: 'lease_expired' };

export async function readWatchState(db: Database, messageId: string): Promise<WatchState> {
  const [row] = await db
    .select({
      status: agentMessages.status,
      leaseMs: sql<number | null>`(extract(epoch from (${agentMessages.leaseUntil} - now())) * 1000)::float8`,
    })
    .from(agentMessages)
    .where(eq(agentMessages.id, messageId));
  if (!row) return { kind: 'done', status: 'dead' };
  if (row.status === 'acked' || row.status === 'dead') return { kind: 'done', status: row.status };
  if (row.status === 'pending') return { kind: 'wait', ms: null };
  if (row.leaseMs !== null && row.leaseMs > 0) return { kind: 'wait', ms: row.leaseMs };
  return { kind: 'lease_expired' };
}

/**
 * Ends a lease that ran out without an acknowledgement: after `max_attempts` deliveries the
 * message is dead, otherwise pending again after the backoff. Conditional, so an acknowledgement
 * racing it wins or loses whole; null when nothing changed.
 */
export async function expireLease(
  db: Database,
  { messageId, ackTimeoutMs }: { messageId: string; ackTimeoutMs: number },
): Promise<AgentMessageRow | null> {
  const expired = and(
    eq(agentMessages.id, messageId),
    eq(agentMessages.status, 'delivered'),
    sql`${agentMessages.leaseUntil} <= now()`,
  );
  const [row] = await db
    .update(agentMessages)
    .set({
      status: sql`case when ${agentMessages.attempts} >= ${agentMessages.maxAttempts} then 'dead' else 'pending' end`,
      deadAt: sql`case when ${agentMessages.attempts} >= ${agentMessages.maxAttempts} then now() end`,
      visibleAt: sql`now() + make_interval(secs => least(${ackTimeoutMs / 1000}::float8 * power(2, greatest(${agentMessages.attempts} - 1, 0)), 900))`,
      leaseUntil: null,
    })
    .where(expired)
    .returning();
  return row ?? null;
}
