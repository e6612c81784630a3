import type { Actor } from '../../../actor.js';

/** An agent run as A2A reads it (agents-core's AgentRunView). */
export interface RunLike {
  id: string;
  status: 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
  output: string | null;
  error: { code: string; message: string } | null;
  /** While waiting: the tool calls held for approval. */
  approvals?: { approval_id: string; tool: string; input?: unknown }[];
}

/** The agent runs service as A2A uses it (agents-core's contract). */
export interface AgentRunsPort {
  start(actor: Actor, agentIdOrName: string, input: { input: string }): Promise<RunLike>;
  wait(actor: Actor, runId: string, options: { timeout_ms: number }): Promise<RunLike>;
  get(actor: Actor, runId: string): Promise<RunLike>;
  cancel(actor: Actor, runId: string): Promise<RunLike>;
  /**
   * Follows a run executing in this process as UI message chunks (`null` at its end); undefined when
   * it is not (yet) here. Optional: without it a task's output arrives whole at the end.
   */
  follow?(runId: string, listener: (chunk: LiveChunk | null) => void): (() => void) | undefined;
}

/** What A2A reads of a run's live chunks: its text as it is written. */
export type LiveChunk = { type: string; delta?: string };

export const finishedStatuses = new Set<RunLike['status']>(['succeeded', 'failed', 'cancelled']);
