import type { UIMessageChunk } from 'ai';

interface LiveRun {
  chunks: UIMessageChunk[];
  listeners: Set<(chunk: UIMessageChunk | null) => void>;
}

/** How many chunks a run keeps for a client that joins late (the rest it reads from the row). */
const keptChunks = 5_000;

/**
 * The UI message stream of the runs executing in this process, for clients that follow a run as
 * it is written (the chat's stream style). A client joining late gets what was kept, then the rest.
 */
export function createLiveStreams() {
  const runs = new Map<string, LiveRun>();
  return {
    push(runId: string, chunk: UIMessageChunk): void {
      let run = runs.get(runId);
      if (!run) runs.set(runId, (run = { chunks: [], listeners: new Set() }));
      if (run.chunks.length < keptChunks) run.chunks.push(chunk);
      for (const listener of run.listeners) listener(chunk);
    },
    /** The run ended here: listeners are told, and it is forgotten. */
    end(runId: string): void {
      const run = runs.get(runId);
      runs.delete(runId);
      for (const listener of run?.listeners ?? []) listener(null);
    },
    /** Follows a run executing here: its kept chunks, then each new one; `null` at its end. Undefined if not here. */
    follow(runId: string, listener: (chunk: UIMessageChunk | null) => void): (() => void) | undefined {
      const run = runs.get(runId);
      if (!run) return undefined;
      for (const chunk of run.chunks) listener(chunk);
      run.listeners.add(listener);
      return () => run.listeners.delete(listener);
    },
  };
}

export type LiveStreams = ReturnType<typeof createLiveStreams>;
