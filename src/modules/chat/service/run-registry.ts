import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import { ServiceUnavailableError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import type { ConversationService } from '../../conversations/index.js';
import { type ChatRun, createChatRun, type ReplyStream } from './chat-run.js';
import type { ChatRelay } from './chat-relay.js';
import { createRemoteRun, watchHoldsMs } from './remote-run.js';
import { createRunClaims, type NewClaim } from './run-claims.js';
import { createRunLog } from './run-log.js';

export interface RunRegistryDeps {
  db: Database;
  ids: IdGenerator;
  /** This process's id, recorded on its claims. */
  processId: string;
  relay: ChatRelay;
  conversations: ConversationService;
  /** A claim not renewed for this long belongs to a dead instance; renewed every third of it. */
  leaseMs: number;
  graceMs: number;
  logger: Logger;
}

/**
 * The replies being written, on this instance and on the others sharing the database. A
 * conversation is claimed in the database before its turn is stored (one reply at a time, on any
 * instance); this instance renews its claims, and every instance, a third of a lease apart, reaps
 * claims whose lease ran out and interrupts their replies. Stop and resume reach a reply wherever
 * it is written, through the relay.
 */
export function createRunRegistry({
  db,
  ids,
  processId,
  relay,
  conversations,
  leaseMs,
  graceMs,
  logger,
}: RunRegistryDeps) {
  const claims = createRunClaims({ db, ids, processId, leaseMs });
  /** Replies being written in this process, by conversation id. */
  const running = new Map<string, ChatRun>();
  /** Claims this process took whose run has not begun (the turn is being stored): renewed too. */
  const pending = new Set<string>();
  const tickEveryMs = Math.max(Math.floor(leaseMs / 3), 100);
  let closed = false;

  /**
   * Removes expired claims (of one conversation, or all) and interrupts their replies, in one
   * transaction; answers how many claims. A claim that had not named its reply yet interrupts the
   * replies streaming in its conversation (one at a time: that is the one).
   */
  async function reap(filter: { conversationId?: string } = {}): Promise<number> {
    let expiredCount = 0;
    const replyIds = await conversations.interruptReplies(async (tx) => {
      const expired = await claims.expire(filter, tx);
      expiredCount = expired.length;
      return {
        messageIds: expired.flatMap((claim) => (claim.replyId ? [claim.replyId] : [])),
        conversationIds: expired.flatMap((claim) => (claim.replyId ? [] : [claim.conversationId])),
      };
    });
    for (const replyId of replyIds) await relay.send({ kind: 'ended', reply_id: replyId });
    if (replyIds.length > 0) logger.info({ replies: replyIds }, 'interrupted replies whose instance is gone');
    return expiredCount;
  }

  let ticking = false;
  async function tick() {
    if (ticking) return;
    ticking = true;
    try {
      const mine = [...running.values()];
      const lost = new Set(await claims.renew([...mine.map((run) => run.runId), ...pending]));
      for (const run of mine) if (lost.has(run.runId)) run.stop('the reply lost its claim');
      await reap();
      await relay.pruneLogs();
    } catch (error) {
      logger.warn({ err: error }, 'could not renew or sweep the chat claims');
    } finally {
      ticking = false;
    }
  }
  const timer = setInterval(() => void tick(), tickEveryMs).unref();

  /**
   * Stops a reply written elsewhere and waits until it has ended (its claim gone), at most a lease
   * and a tick. The stop is sent again every second: a NOTIFY may be lost, and a run that has not
   * begun yet (its turn being stored) is not listening for it.
   */
  async function stopElsewhere(reply: { conversationId: string; replyId: string }): Promise<void> {
    const sendStop = () =>
      relay
        .send({ kind: 'stop', reply_id: reply.replyId })
        .catch((error) => logger.warn({ err: error }, 'could not ask for a reply to stop'));
    const ended = new Promise<void>((resolve) => {
      const finish = () => {
        unsubscribe();
        clearInterval(poll);
        clearInterval(resend);
        clearTimeout(deadline);
        resolve();
      };
      const unsubscribe = relay.on(reply.replyId, (message) => message.kind === 'ended' && finish());
      const poll = setInterval(() => {
        claims.claimOf(reply).then(
          (claim) => claim === undefined && finish(),
          () => {},
        );
      }, 200).unref();
      const resend = setInterval(() => void sendStop(), 1_000).unref();
      const deadline = setTimeout(finish, leaseMs + tickEveryMs).unref();
    });
    await sendStop();
    await ended;
  }

  return {
    /**
     * Claims a conversation for a new reply; undefined when a reply is being written in it. A claim
     * left by a dead instance is reaped (its reply interrupted) and the conversation claimed.
     */
    async claim(claim: { conversationId: string; replyId?: string }): Promise<string | undefined> {
      // Shutting down: a run begun now would not be renewed, nor stopped by close().
      if (closed) throw new ServiceUnavailableError('SHUTTING_DOWN', 'The server is shutting down');
      let runId = await claims.claim(claim);
      if (!runId && (await reap({ conversationId: claim.conversationId })) > 0)
        runId = await claims.claim(claim);
      if (runId) pending.add(runId);
      return runId;
    },

    /**
     * The claim of a new conversation, written by the statement storing its first turn, so it
     * costs no round trip of its own; the run is begun once that statement has committed.
     */
    claimNew: {
      ...claims.claimNew,
      values(stored) {
        if (closed) throw new ServiceUnavailableError('SHUTTING_DOWN', 'The server is shutting down');
        return claims.claimNew.values(stored);
      },
    } satisfies NewClaim as NewClaim,

    attach: (runId: string, replyId: string) => claims.attach(runId, replyId),
    release(runId: string) {
      pending.delete(runId);
      return claims.release(runId);
    },

    /** Starts this instance's run of a claimed reply; the claim is released when it ends. */
    begin({
      conversationId,
      replyId,
      runId,
    }: {
      conversationId: string;
      replyId: string;
      runId: string;
    }): ChatRun {
      pending.delete(runId);
      // Only a run that lost its claim can still be here: the claim is the conversation's, now ours.
      running.get(conversationId)?.stop('the reply lost its claim');
      const log = relay.shared ? createRunLog({ relay, runId, replyId, logger }) : undefined;
      const run = createChatRun({
        conversationId,
        replyId,
        runId,
        graceMs,
        holdsClaim: () => claims.holds(runId),
        ...(log ? { onChunk: log.add } : {}),
        onEnd: async () => {
          unsubscribe();
          // A newer run of the conversation may have begun since this one lost its claim.
          if (running.get(conversationId) === run) running.delete(conversationId);
          try {
            await log?.flush();
            // A run that outlived its lease (it stalled) left its reply as it was: the reply is
            // interrupted with the claim now, not left streaming once the claim is gone.
            if (!(await claims.releaseLive(runId))) await reap({ conversationId });
            await relay.send({ kind: 'ended', reply_id: replyId });
          } catch (error) {
            logger.error({ err: error, messageId: replyId }, 'could not release a reply’s claim');
          }
        },
      });
      const unsubscribe = relay.on(replyId, (message) => {
        if (message.kind === 'stop') run.stop();
        if (message.kind === 'watch') run.watchedElsewhere(watchHoldsMs);
      });
      running.set(conversationId, run);
      if (closed) run.stop('the server is shutting down');
      return run;
    },

    /** The reply being written in a conversation, here or on another instance. */
    async active(conversationId: string): Promise<ReplyStream | undefined> {
      const here = running.get(conversationId);
      if (here) return here;
      const active = await claims.activeReply(conversationId);
      if (!active) return undefined;
      return createRemoteRun({
        ...active,
        relay,
        stillWritten: () => claims.holds(active.runId),
        checkEveryMs: tickEveryMs,
        logger,
      });
    },

    /**
     * Stops a reply wherever it is written and resolves once it is stored as interrupted. A reply
     * whose instance is gone is interrupted here at once.
     */
    async stop({ conversationId, replyId }: { conversationId: string; replyId: string }): Promise<void> {
      const here = running.get(conversationId);
      if (here?.replyId === replyId) {
        here.stop();
        return here.done;
      }
      const claim = await claims.claimOf({ conversationId, replyId });
      if (claim === 'expired') await reap({ conversationId });
      if (claim !== 'live') return;
      await stopElsewhere({ conversationId, replyId });
    },

    /** Stops every reply of this instance (shutdown), stops sweeping, and closes the relay. */
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      const runs = [...running.values()];
      for (const run of runs) run.stop('the server is shutting down');
      await Promise.all(runs.map((run) => run.done));
      await relay.close();
    },
  };
}

export type RunRegistry = ReturnType<typeof createRunRegistry>;
