import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import type { Logger } from '../../../logger.js';
import type { ConversationService } from '../../conversations/index.js';
import { type ChatRun, createChatRun, type ReplyStream } from './chat-run.js';
import type { ChatRelay } from './chat-relay.js';
import { createRemoteRun, watchHoldsMs } from './remote-run.js';
import { createRunClaims } from './run-claims.js';
import { createRunLog } from './run-log.js';

export interface RunRegistryDeps {
  db: Database;
  ids: IdGenerator;
  instanceId: string;
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
  instanceId,
  relay,
  conversations,
  leaseMs,
  graceMs,
  logger,
}: RunRegistryDeps) {
  const claims = createRunClaims({ db, ids, instanceId, leaseMs });
  /** Replies being written in this process, by conversation id. */
  const running = new Map<string, ChatRun>();
  const tickEveryMs = Math.max(Math.floor(leaseMs / 3), 100);

  /** Removes expired claims (of one conversation, or all) and interrupts their replies; answers how many. */
  async function reap(filter: { conversationId?: string } = {}): Promise<number> {
    const expired = await claims.expire(filter);
    const replyIds = expired.flatMap((claim) => (claim.replyId ? [claim.replyId] : []));
    await conversations.interruptReplies({ messageIds: replyIds });
    for (const replyId of replyIds) await relay.send({ kind: 'ended', reply_id: replyId });
    if (replyIds.length > 0) logger.info({ replies: replyIds }, 'interrupted replies whose instance is gone');
    return expired.length;
  }

  let ticking = false;
  async function tick() {
    if (ticking) return;
    ticking = true;
    try {
      const mine = [...running.values()];
      const lost = new Set(await claims.renew(mine.map((run) => run.runId)));
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

  /** Waits until a reply written elsewhere has ended (its claim gone), at most a lease and a tick. */
  function endedElsewhere(replyId: string): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        unsubscribe();
        clearInterval(poll);
        clearTimeout(deadline);
        resolve();
      };
      const unsubscribe = relay.on(replyId, (message) => message.kind === 'ended' && finish());
      const poll = setInterval(() => {
        claims.claimOf(replyId).then(
          (claim) => claim === undefined && finish(),
          () => {},
        );
      }, 200);
      const deadline = setTimeout(finish, leaseMs + tickEveryMs);
    });
  }

  return {
    /**
     * Claims a conversation for a new reply; undefined when a reply is being written in it. A claim
     * left by a dead instance is reaped (its reply interrupted) and the conversation claimed.
     */
    async claim(claim: { conversationId: string; ownerId: string; replyId?: string }) {
      const runId = await claims.claim(claim);
      if (runId) return runId;
      if ((await reap({ conversationId: claim.conversationId })) === 0) return undefined;
      return claims.claim(claim);
    },

    attach: (runId: string, replyId: string) => claims.attach(runId, replyId),
    release: (runId: string) => claims.release(runId),

    /** Starts this instance's run of a claimed reply; the claim is released when it ends. */
    begin({
      conversationId,
      replyId,
      runId,
      ownerId,
    }: {
      conversationId: string;
      replyId: string;
      runId: string;
      ownerId: string;
    }): ChatRun {
      const log = relay.shared ? createRunLog({ relay, replyId, logger }) : undefined;
      const run = createChatRun({
        conversationId,
        replyId,
        runId,
        ownerId,
        graceMs,
        ...(log ? { onChunk: log.add } : {}),
        onEnd: async () => {
          unsubscribe();
          running.delete(conversationId);
          try {
            await log?.flush();
            await claims.release(runId);
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
      return run;
    },

    /** The reply being written in a conversation, here or on another instance. */
    async active(conversationId: string): Promise<ReplyStream | undefined> {
      const here = running.get(conversationId);
      if (here) return here;
      const replyId = await claims.activeReply(conversationId);
      if (!replyId) return undefined;
      return createRemoteRun({
        replyId,
        relay,
        stillWritten: async () => (await claims.claimOf(replyId)) === 'live',
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
      const claim = await claims.claimOf(replyId);
      if (claim === 'expired') await reap({ conversationId });
      if (claim !== 'live') return;
      const ended = endedElsewhere(replyId);
      await relay.send({ kind: 'stop', reply_id: replyId });
      await ended;
    },

    /** Stops every reply of this instance (shutdown), stops sweeping, and closes the relay. */
    async close(): Promise<void> {
      clearInterval(timer);
      const runs = [...running.values()];
      for (const run of runs) run.stop('the server is shutting down');
      await Promise.all(runs.map((run) => run.done));
      await relay.close();
    },
  };
}

export type RunRegistry = ReturnType<typeof createRunRegistry>;
