import type { Logger } from '../../../logger.js';
import type { ChunkListener, ReplyStream } from './chat-run.js';
import type { ChatRelay } from './chat-relay.js';

/** How often a reader here tells the writing instance it is still reading. */
export const watchEveryMs = 1_000;
/** How long the writing instance counts on a reader elsewhere after hearing from it. */
export const watchHoldsMs = 3 * watchEveryMs;

/**
 * A reply being written on another instance, read here: its log from `afterSeq`, then each batch as
 * the writer announces it, until the writer says it ended — or, should that news be lost, until a
 * check every `checkEveryMs` finds the reply no longer claimed. The same chunks, numbered the same,
 * as the writer's own clients get. While someone reads, the writer is told so (no grace stop).
 */
export function createRemoteRun({
  replyId,
  runId,
  relay,
  stillWritten,
  checkEveryMs,
  logger,
}: {
  replyId: string;
  /** The run writing it: its log is the one read. */
  runId: string;
  relay: ChatRelay;
  /** Whether the reply is still claimed by a live instance. */
  stillWritten: () => Promise<boolean>;
  checkEveryMs: number;
  logger: Logger;
}): ReplyStream {
  let ended = false;
  return {
    replyId,
    isEnded: () => ended,

    listen(afterSeq: number, listener: ChunkListener): () => void {
      let cursor = afterSeq;
      let stopped = false;
      // Reads run one after another, so chunks come in order and none twice.
      let reading: Promise<void> = Promise.resolve();
      const read = ({ thenEnd = false } = {}) => {
        reading = reading
          .then(async () => {
            if (stopped) return;
            for (const numbered of await relay.readChunks(runId, cursor)) {
              cursor = numbered.seq;
              listener(numbered);
            }
            if (thenEnd) finish();
          })
          .catch((error) => logger.warn({ err: error, messageId: replyId }, 'could not read a reply log'));
      };
      const check = () => {
        reading = reading
          .then(async () => {
            if (!stopped && !(await stillWritten())) read({ thenEnd: true });
          })
          .catch((error) => logger.warn({ err: error, messageId: replyId }, 'could not check a reply'));
      };
      const watch = () =>
        void relay
          .send({ kind: 'watch', reply_id: replyId })
          .catch((error) => logger.warn({ err: error }, 'could not tell the writer of a reply it is read'));

      const unsubscribe = relay.on(replyId, (message) => {
        if (message.kind === 'chunks') read();
        else if (message.kind === 'ended') read({ thenEnd: true });
      });
      const watcher = setInterval(watch, watchEveryMs).unref();
      const checker = setInterval(check, checkEveryMs).unref();
      const cleanUp = () => {
        stopped = true;
        unsubscribe();
        clearInterval(watcher);
        clearInterval(checker);
      };
      const finish = () => {
        if (stopped) return;
        cleanUp();
        ended = true;
        listener('end');
      };

      watch();
      read();
      check(); // it may have ended before we subscribed
      return () => {
        if (!stopped) cleanUp();
      };
    },
  };
}
