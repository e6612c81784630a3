import type { UIMessageChunk } from 'ai';

export interface NumberedChunk {
  /** 1, 2, 3 … in the order sent: the SSE event id, so a client that reconnects asks for what follows. */
  readonly seq: number;
  readonly chunk: UIMessageChunk;
}

type Listener = (chunk: NumberedChunk | 'end') => void;

/**
 * One assistant reply being written: every chunk it produced, kept so a client that reconnects
 * gets what it missed (and nothing twice), and the listeners reading it live. When the last
 * listener leaves, the run waits `graceMs` for one to come back, then stops itself.
 */
export function createChatRun({
  conversationId,
  replyId,
  ownerId,
  graceMs,
}: {
  conversationId: string;
  replyId: string;
  ownerId: string;
  graceMs: number;
}) {
  const chunks: NumberedChunk[] = [];
  const listeners = new Set<Listener>();
  const controller = new AbortController();
  let ended = false;
  let graceTimer: NodeJS.Timeout | undefined;
  let markDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (markDone = resolve));

  const startGrace = () => {
    if (ended || listeners.size > 0) return;
    clearTimeout(graceTimer);
    graceTimer = setTimeout(() => controller.abort('client disconnected'), graceMs);
  };

  return {
    conversationId,
    replyId,
    ownerId,
    signal: controller.signal,
    /** Resolves when the reply is stored in its final state. */
    done,
    isEnded: () => ended,

    push(chunk: UIMessageChunk) {
      const numbered = { seq: chunks.length + 1, chunk };
      chunks.push(numbered);
      for (const listener of listeners) listener(numbered);
    },

    /** Every chunk after `afterSeq`, then the live ones; the returned function stops listening. */
    listen(afterSeq: number, listener: Listener): () => void {
      clearTimeout(graceTimer);
      for (const numbered of chunks.slice(afterSeq)) listener(numbered);
      if (ended) {
        listener('end');
        return () => {};
      }
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener)) startGrace();
      };
    },

    /** Asks the reply to stop; it is stored as interrupted with what it has. */
    stop(reason = 'stopped by the user') {
      controller.abort(reason);
    },

    /** Called once the reply is stored in its final state. */
    end() {
      ended = true;
      clearTimeout(graceTimer);
      for (const listener of listeners) listener('end');
      listeners.clear();
      markDone();
    },
  };
}

export type ChatRun = ReturnType<typeof createChatRun>;
