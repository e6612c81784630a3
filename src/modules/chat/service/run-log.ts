import type { Logger } from '../../../logger.js';
import type { NumberedChunk } from './chat-run.js';
import type { ChatRelay } from './chat-relay.js';

/** As often as the stored reply is saved: other instances see the reply at the same pace. */
const flushEveryMs = 250;

/**
 * Writes a run's chunks to its log for other instances, a batch every 250 ms (never on the first
 * token: that write would delay it), in order, one write at a time.
 */
export function createRunLog({
  relay,
  runId,
  replyId,
  logger,
}: {
  relay: ChatRelay;
  runId: string;
  replyId: string;
  logger: Logger;
}) {
  let pending: NumberedChunk[] = [];
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) {
      writing = writing
        .then(() => relay.appendChunks({ runId, replyId }, batch))
        .catch((error) => logger.error({ err: error, messageId: replyId }, 'could not log the reply'));
    }
    return writing;
  };

  return {
    add(chunk: NumberedChunk) {
      pending.push(chunk);
      timer ??= setTimeout(() => void flush(), flushEveryMs);
    },
    /** Writes what is pending now; resolves when every batch so far is written. */
    flush,
  };
}
