import type { UIMessageChunk } from 'ai';

export interface NumberedChunk {
  /** 1, 2, 3 … in the order sent: the SSE event id, so a client that reconnects asks for what follows. */
  readonly seq: number;
  readonly chunk: UIMessageChunk;
}

export type ChunkListener = (chunk: NumberedChunk | 'end') => void;

/** A UI message chunk the user sees as the reply's content (the first one is its "first token"). */
export function producesContent(chunk: unknown): boolean {
  const type = (chunk as Partial<UIMessageChunk> | null)?.type;
  return type === 'text-delta' || type === 'reasoning-delta' || type === 'tool-input-start';
}

/** A reply being written, as its readers see it: here (a ChatRun) or on another instance (a RemoteRun). */
export interface ReplyStream {
  readonly replyId: string;
  isEnded(): boolean;
  /** Every chunk after `afterSeq`, then the live ones, then 'end'; the returned function stops listening. */
  listen(afterSeq: number, listener: ChunkListener): () => void;
}

/**
 * One assistant reply being written in this process: every chunk it produced, kept so a client
 * that reconnects gets what it missed (and nothing twice), and the listeners reading it live. When
 * the last listener leaves (and no other instance says it is streaming the reply to a client), the
 * run waits `graceMs` for one to come back, then stops itself. `onChunk` sees every chunk (the log
 * other instances read); `onEnd` runs before the listeners hear the end (the claim is released
 * first, so a client that sends its next message on [DONE] is not told the conversation is busy).
 */
export function createChatRun({
  conversationId,
  replyId,
  runId,
  graceMs,
  holdsClaim = async () => true,
  onChunk = () => {},
  onEnd = async () => {},
}: {
  conversationId: string;
  replyId: string;
  runId: string;
  graceMs: number;
  /** Whether this run still holds the conversation's claim (not taken over after a stall). */
  holdsClaim?: () => Promise<boolean>;
  onChunk?: (chunk: NumberedChunk) => void;
  onEnd?: () => Promise<void>;
}) {
  const chunks: NumberedChunk[] = [];
  const listeners = new Set<ChunkListener>();
  const controller = new AbortController();
  let ending = false;
  let ended = false;
  let graceTimer: NodeJS.Timeout | undefined;
  /** Until when a client on another instance is known to be reading the reply. */
  let watchedElsewhereUntil = 0;
  let markDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (markDone = resolve));

  const startGrace = () => {
    if (ending || listeners.size > 0) return;
    clearTimeout(graceTimer);
    const elsewhere = Math.max(watchedElsewhereUntil - Date.now(), 0);
    graceTimer = setTimeout(() => controller.abort('client disconnected'), elsewhere + graceMs);
  };

  return {
    conversationId,
    replyId,
    runId,
    holdsClaim,
    signal: controller.signal,
    /** Resolves when the reply is stored in its final state and its claim released. */
    done,
    isEnded: () => ended,

    push(chunk: UIMessageChunk) {
      const numbered = { seq: chunks.length + 1, chunk };
      chunks.push(numbered);
      onChunk(numbered);
      for (const listener of listeners) listener(numbered);
    },

    listen(afterSeq: number, listener: ChunkListener): () => void {
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

    /** Another instance streams this reply to a client for the next `forMs`: no grace stop before then. */
    watchedElsewhere(forMs: number) {
      watchedElsewhereUntil = Date.now() + forMs;
      if (listeners.size === 0) startGrace();
    },

    /** Asks the reply to stop; it is stored as interrupted with what it has. */
    stop(reason = 'stopped by the user') {
      controller.abort(reason);
    },

    /** Called once the reply is stored in its final state. */
    end() {
      if (ending) return;
      ending = true;
      clearTimeout(graceTimer);
      const finish = () => {
        ended = true;
        for (const listener of listeners) listener('end');
        listeners.clear();
        markDone();
      };
      // onEnd logs its own failures; the listeners hear the end either way.
      void onEnd().then(finish, finish);
    },
  };
}

export type ChatRun = ReturnType<typeof createChatRun>;
