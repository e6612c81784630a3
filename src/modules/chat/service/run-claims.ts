import { and, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { commitUnflushed } from '../../../db/commit-unflushed.js';
import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import type { AlsoInsert } from '../../conversations/index.js';
import { chatRuns } from '../table.js';

/** The claim written by the statement that stores a new conversation; answers its run id. */
export type NewClaim = AlsoInsert<{ runId: typeof chatRuns.runId }>;

/** A claim whose lease ran out, removed: the reply it was writing, if the claim had named it yet. */
export interface ExpiredClaim {
  conversationId: string;
  replyId: string | null;
}

/**
 * The database's record of which conversation has a reply being written, and by which instance.
 * Times are the database's (`now()`), so instances whose clocks disagree still agree on leases.
 */
export function createRunClaims({
  db,
  ids,
  processId,
  leaseMs,
}: {
  db: Database;
  ids: IdGenerator;
  processId: string;
  leaseMs: number;
}) {
  const leaseEnd = () => sql`now() + (${leaseMs}::integer * interval '1 millisecond')`;
  const live = sql`${chatRuns.leaseExpiresAt} > now()`;

  async function insertClaim(
    tx: Database,
    { conversationId, replyId }: { conversationId: string; replyId: string | null },
  ): Promise<string | undefined> {
    const [row] = await tx
      .insert(chatRuns)
      .values({ conversationId, runId: ids(), replyId, processId, leaseExpiresAt: leaseEnd() })
      .onConflictDoNothing()
      .returning({ runId: chatRuns.runId });
    return row?.runId;
  }

  return {
    /**
     * Claims the conversation for a new reply: the run id, or undefined when a claim exists (whether
     * or not its lease ran out: the caller reaps an expired one and claims again). Race-free: of two
     * instances claiming at once, the primary key lets exactly one insert.
     */
    async claim({
      conversationId,
      replyId = null,
    }: {
      conversationId: string;
      replyId?: string | null;
    }): Promise<string | undefined> {
      // A lease: lost in a crash of the database, it would have ended with the reply it guarded.
      return commitUnflushed(db, (tx) => insertClaim(tx, { conversationId, replyId }));
    },

    /**
     * The claim of a new conversation's reply, as the insert of the statement that stores the
     * conversation (nobody else can hold a conversation that did not exist; its key makes a second
     * claim fail that statement). Built once with placeholders: that statement is prepared.
     */
    claimNew: {
      name: 'chat_claim',
      build: ({ conversationId, messageIds }) =>
        db
          .insert(chatRuns)
          .values({
            conversationId,
            replyId: messageIds.at(-1) ?? null,
            runId: sql.placeholder('claim_run_id'),
            processId: sql.placeholder('claim_process_id'),
            leaseExpiresAt: sql`now() + (${sql.placeholder('claim_lease_ms')}::integer * interval '1 millisecond')`,
          })
          .returning({ runId: chatRuns.runId }),
      values: () => ({ claim_run_id: ids(), claim_process_id: processId, claim_lease_ms: leaseMs }),
    } satisfies NewClaim as NewClaim,

    /** Names the reply a claim made before the turn was stored is writing. */
    async attach(runId: string, replyId: string): Promise<void> {
      await db.update(chatRuns).set({ replyId }).where(eq(chatRuns.runId, runId));
    },

    /** Gives the claim up (the reply is stored in its final state, or was never started). */
    async release(runId: string): Promise<void> {
      await db.delete(chatRuns).where(eq(chatRuns.runId, runId));
    },

    /**
     * Gives up a claim whose lease still runs, as a run that stored its reply does; answers false
     * when it ran out (the claim is left for `expire`, which interrupts its reply with it).
     */
    async releaseLive(runId: string): Promise<boolean> {
      const released = await db
        .delete(chatRuns)
        .where(and(eq(chatRuns.runId, runId), live))
        .returning({ runId: chatRuns.runId });
      return released.length > 0;
    },

    /**
     * Extends the leases of this instance's runs; answers the run ids that had lost theirs. A lease
     * that ran out is not renewed even before it is reaped: others may already count it dead.
     */
    async renew(runIds: string[]): Promise<string[]> {
      if (runIds.length === 0) return [];
      const renewed = await db
        .update(chatRuns)
        .set({ leaseExpiresAt: leaseEnd() })
        .where(and(inArray(chatRuns.runId, runIds), live))
        .returning({ runId: chatRuns.runId });
      const kept = new Set(renewed.map((row) => row.runId));
      return runIds.filter((runId) => !kept.has(runId));
    },

    /**
     * Removes claims whose lease ran out (in one conversation, or everywhere) and answers them; `tx`
     * lets the caller interrupt their replies in the same transaction.
     */
    async expire(
      { conversationId }: { conversationId?: string } = {},
      tx: Database = db,
    ): Promise<ExpiredClaim[]> {
      const conditions: SQL[] = [lt(chatRuns.leaseExpiresAt, sql`now()`)];
      if (conversationId) conditions.push(eq(chatRuns.conversationId, conversationId));
      return tx
        .delete(chatRuns)
        .where(and(...conditions))
        .returning({ conversationId: chatRuns.conversationId, replyId: chatRuns.replyId });
    },

    /** The reply being written in a conversation, by a live claim, and the run writing it. */
    async activeReply(conversationId: string): Promise<{ replyId: string; runId: string } | undefined> {
      const [row] = await db
        .select({ replyId: chatRuns.replyId, runId: chatRuns.runId })
        .from(chatRuns)
        .where(and(eq(chatRuns.conversationId, conversationId), isNotNull(chatRuns.replyId), live));
      return row?.replyId ? { replyId: row.replyId, runId: row.runId } : undefined;
    },

    /**
     * Whether a reply of a conversation is claimed: 'live', 'expired' (its instance is gone) or
     * undefined (not being written). A claim not yet naming its reply counts: the reply is stored
     * before the claim names it.
     */
    async claimOf({
      conversationId,
      replyId,
    }: {
      conversationId: string;
      replyId: string;
    }): Promise<'live' | 'expired' | undefined> {
      const [row] = await db
        .select({ live: sql<boolean>`${live}` })
        .from(chatRuns)
        .where(
          and(
            eq(chatRuns.conversationId, conversationId),
            or(eq(chatRuns.replyId, replyId), isNull(chatRuns.replyId)),
          ),
        );
      if (!row) return undefined;
      return row.live ? 'live' : 'expired';
    },

    /** Whether a run still holds a live claim. */
    async holds(runId: string): Promise<boolean> {
      const [row] = await db
        .select({ runId: chatRuns.runId })
        .from(chatRuns)
        .where(and(eq(chatRuns.runId, runId), live));
      return row !== undefined;
    },
  };
}

export type RunClaims = ReturnType<typeof createRunClaims>;
