import type { Logger } from '../logger.js';

/**
 * Collects items and writes them together: at most `maxDelayMs` after the first one arrives, or as
 * soon as `maxItems` are waiting. For high-volume records (a row per tool call) where one write per
 * item would cost more than the work it records. `drain` writes whatever waits (at shutdown).
 * A failed write is logged with the number of items lost; it never reaches the caller, who has moved on.
 */
export function createBatcher<T>({
  write,
  maxDelayMs = 20,
  maxItems = 500,
  maxPending = 50_000,
  logger,
  name,
}: {
  write: (items: T[]) => Promise<void>;
  maxDelayMs?: number;
  maxItems?: number;
  /** When the database falls this far behind, new items are dropped (and counted in the log) rather than kept in memory. */
  maxPending?: number;
  logger: Logger;
  name: string;
}) {
  let waiting: T[] = [];
  /** Items added and not yet written (or lost): waiting, and in the batches being written. */
  let pending = 0;
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return writing;
    const batch = waiting;
    waiting = [];
    writing = writing.then(() =>
      write(batch)
        .catch((error) =>
          logger.error({ err: error, lost: batch.length, batch: name }, 'a batched write failed'),
        )
        // Written or lost, the batch no longer counts towards the bound.
        .finally(() => {
          pending -= batch.length;
        }),
    );
    return writing;
  }

  return {
    add(item: T): void {
      if (pending >= maxPending) {
        if (dropped++ % 1_000 === 0)
          logger.error({ batch: name, dropped }, 'the database is behind: dropping batched records');
        return;
      }
      pending++;
      waiting.push(item);
      if (waiting.length >= maxItems) void flush();
      else timer ??= setTimeout(() => void flush(), maxDelayMs);
    },
    /** Writes everything waiting and resolves when it is stored. */
    drain: flush,
  };
}

export type Batcher<T> = ReturnType<typeof createBatcher<T>>;
