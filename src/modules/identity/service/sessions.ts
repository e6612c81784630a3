import { and, desc, eq, gt } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import { SessionNotFoundError } from '../errors.js';
import { requireUser } from '../../../actor-policy.js';
import type { CurrentSession, PublicSession } from '../schema.js';
import { sessions } from '../table.js';
import type { AuditService } from './audit.js';
import '../events.js';

/** A user's signed-in browsers: listed, and ended one by one. */
export function createSessionsService({
  db,
  clock,
  bus,
  audit,
}: {
  db: Database;
  clock: Clock;
  bus: EventBus;
  audit: AuditService;
}) {
  return {
    /** The actor's unexpired sessions, most recently active first. */
    async list(actor: Actor): Promise<PublicSession[]> {
      const user = requireUser(actor);
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, user.userId), gt(sessions.expiresAt, clock.now())))
        .orderBy(desc(sessions.updatedAt));
      const currentId = user.credential.kind === 'session' ? user.credential.id : undefined;
      return rows.map((row) => ({
        id: row.id,
        created_at: row.createdAt.toISOString(),
        last_active_at: row.updatedAt.toISOString(),
        expires_at: row.expiresAt.toISOString(),
        ip_address: row.ipAddress,
        user_agent: row.userAgent,
        current: row.id === currentId,
      }));
    },

    /** The session the actor's request came with, or null for an API key or token. */
    async current(actor: Actor): Promise<CurrentSession['session']> {
      const user = requireUser(actor);
      if (user.credential.kind !== 'session') return null;
      const [row] = await db.select().from(sessions).where(eq(sessions.id, user.credential.id));
      return row ? { id: row.id, expires_at: row.expiresAt.toISOString() } : null;
    },

    /** Ends one of the actor's sessions; the next request made with it is refused. */
    async revoke(actor: Actor, sessionId: string): Promise<void> {
      const user = requireUser(actor);
      const deleted = await db
        .delete(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, user.userId)))
        .returning({ id: sessions.id });
      if (deleted.length === 0) throw new SessionNotFoundError(sessionId);
      await bus.publish(actor, 'session.revoked', { session_id: sessionId, user_id: user.userId });
      await audit.record(actor, { action: 'session.revoke', status: 'success', subject: sessionId });
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
