import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import { InviteInvalidError } from '../errors.js';
import { requireAdmin, requireUser } from '../../../actor-policy.js';
import {
  type CreatedInvite,
  type CreateInviteInput,
  createInviteInputSchema,
  type PublicInvite,
} from '../schema.js';
import { invites, users } from '../table.js';
import type { AuditService } from './audit.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** An invite as clients see it (never its token). */
function toInviteView(row: typeof invites.$inferSelect): PublicInvite {
  return {
    id: row.id,
    email: row.email,
    role: row.role === 'admin' ? 'admin' : 'user',
    expires_at: row.expiresAt.toISOString(),
    used_at: row.usedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** Invite links: an admin makes one, a newcomer signs up with it once. */
export function createInvitesService({
  db,
  clock,
  ids,
  audit,
  publicUrl,
}: {
  db: Database;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  publicUrl: string;
}) {
  return {
    async create(actor: Actor, input: CreateInviteInput): Promise<CreatedInvite> {
      const admin = requireUser(requireAdmin(actor));
      const { email, role, expires_in_hours } = createInviteInputSchema.parse(input);
      const token = randomBytes(24).toString('base64url');
      const now = clock.now();
      const [row] = await db
        .insert(invites)
        .values({
          id: ids(),
          ownerId: admin.userId,
          tokenHash: hashToken(token),
          email: email?.toLowerCase() ?? null,
          role,
          expiresAt: new Date(now.getTime() + expires_in_hours * 3600_000),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('The invite was not stored');
      await audit.record(actor, {
        action: 'invite.create',
        status: 'success',
        subject: row.id,
        details: { role, email },
      });
      return { invite: toInviteView(row), token, url: `${publicUrl}/signup?invite=${token}` };
    },

    async list(actor: Actor): Promise<PublicInvite[]> {
      requireAdmin(actor);
      return (await db.select().from(invites).orderBy(desc(invites.id))).map(toInviteView);
    },

    /** Marks an invite used, atomically: two sign-ups racing for one invite get one account. */
    async claim(token: string, email: string): Promise<{ id: string; role: 'user' | 'admin' }> {
      const now = clock.now();
      const [row] = await db
        .update(invites)
        .set({ usedAt: now, updatedAt: now })
        .where(
          and(eq(invites.tokenHash, hashToken(token)), isNull(invites.usedAt), gt(invites.expiresAt, now)),
        )
        .returning();
      if (!row) throw new InviteInvalidError();
      if (row.email && row.email !== email.toLowerCase()) {
        await this.release(row.id);
        throw new InviteInvalidError();
      }
      return { id: row.id, role: row.role === 'admin' ? 'admin' : 'user' };
    },

    /** Gives a claimed invite back (the sign-up that claimed it failed). */
    async release(inviteId: string): Promise<void> {
      await db.update(invites).set({ usedAt: null }).where(eq(invites.id, inviteId));
    },

    /** Gives the new account the invite's role and records who used it, together. */
    async grant(invite: { id: string; role: 'user' | 'admin' }, userId: string): Promise<void> {
      await db.transaction(async (transaction) => {
        await transaction.update(users).set({ role: invite.role }).where(eq(users.id, userId));
        await transaction.update(invites).set({ usedBy: userId }).where(eq(invites.id, invite.id));
      });
    },
  };
}

export type InvitesService = ReturnType<typeof createInvitesService>;
