import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ToolContext } from '../../tools/tool.js';
import { TextToolCancelledError } from './errors.js';

/** What chunked work needs from a running tool: its cancellation signal and its progress reports. */
export type ChunkContext = Pick<ToolContext, 'signal' | 'progress'>;

/**
 * Maps `work` over `items` a chunk at a time. Between chunks it gives the event loop a turn (a
 * megabyte of text would otherwise hold every other request up), stops with
 * TextToolCancelledError once the caller has cancelled, and reports progress as items done out of
 * all of them. Input that fits in one chunk runs at once, without progress reports.
 */
export async function workInChunks<Item, Result>({
  items,
  context,
  work,
  chunkSize = 200,
}: {
  items: readonly Item[];
  context: ChunkContext;
  work: (item: Item, index: number) => Result;
  chunkSize?: number;
}): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    if (context.signal.aborted) throw new TextToolCancelledError();
    const end = Math.min(start + chunkSize, items.length);
    for (let index = start; index < end; index++) results.push(work(items[index] as Item, index));
    if (items.length > chunkSize) {
      await context.progress(end, items.length);
      await nextTurn();
    }
  }
  if (context.signal.aborted) throw new TextToolCancelledError();
  return results;
}
