import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import type { AgentRunView } from '../schema.js';
import { type AgentRunRow, type AgentRunStatus, agentRuns, type PendingApproval } from '../table.js';

/** The statuses a run ends in: nothing moves it out of one except resume (cancelled only). */
export const endStatuses: AgentRunStatus[] = ['succeeded', 'failed', 'cancelled'];

export function toRunView(row: AgentRunRow): AgentRunView {
  return {
    id: row.id,
    agent_id: row.agentId,
    agent_name: row.agentName,
    agent_version: row.agentVersion,
    parent_run_id: row.parentRunId,
    team_run_id: row.teamRunId,
    depth: row.depth,
    status: row.status,
    input: row.input,
    output: row.output,
    error: row.error ?? null,
    approvals: row.approvals,
    steps: row.steps,
    tokens_in: row.tokensIn,
    tokens_out: row.tokensOut,
    started_at: row.startedAt?.toISOString() ?? null,
    finished_at: row.finishedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** The rows of agent runs, written by the run's DBOS workflow and by cancel/resume. */
export function createRunRecords(db: Database) {
  return {
    async row(runId: string): Promise<AgentRunRow | undefined> {
      const [row] = await db.select().from(agentRuns).where(eq(agentRuns.id, runId));
      return row;
    },

    /** Marks a queued run running; gives the row as it is now, and whether this started it. */
    async begin(runId: string, now: Date): Promise<{ row: AgentRunRow | undefined; started: boolean }> {
      const started = await db
        .update(agentRuns)
        .set({ status: 'running', startedAt: sql`coalesce(${agentRuns.startedAt}, ${now})` })
        .where(and(eq(agentRuns.id, runId), eq(agentRuns.status, 'queued')))
        .returning({ id: agentRuns.id });
      return { row: await this.row(runId), started: started.length > 0 };
    },

    /** Records a finished model step: the totals so far (absolute, so a repeated step writes the same). */
    async progress(
      runId: string,
      totals: { steps: number; tokensIn: number; tokensOut: number; output: string },
    ): Promise<void> {
      await db
        .update(agentRuns)
        .set(totals)
        .where(and(eq(agentRuns.id, runId), notInArray(agentRuns.status, endStatuses)));
    },

    /** Ends a run unless it already ended (a cancel that came first stands); true when this ended it. */
    async end(
      runId: string,
      end: {
        status: AgentRunStatus;
        output?: string | null;
        error?: { code: string; message: string } | null;
      },
      now: Date,
    ): Promise<boolean> {
      const ended = await db
        .update(agentRuns)
        .set({
          status: end.status,
          ...(end.output === undefined ? {} : { output: end.output }),
          error: end.error ?? null,
          // A cancelled run keeps the calls it held: resumed, it waits for their answer again.
          ...(end.status === 'cancelled' ? {} : { approvals: [] }),
          finishedAt: now,
        })
        .where(and(eq(agentRuns.id, runId), notInArray(agentRuns.status, endStatuses)))
        .returning({ id: agentRuns.id });
      return ended.length > 0;
    },

    /** A running run waits for its owner's answer to these tool calls. */
    async wait(runId: string, approvals: PendingApproval[]): Promise<void> {
      await db
        .update(agentRuns)
        .set({ status: 'waiting', approvals })
        .where(and(eq(agentRuns.id, runId), eq(agentRuns.status, 'running')));
    },

    /** A waiting run got its answer and runs on; true when this took it out of waiting. */
    async answered(runId: string): Promise<boolean> {
      const answered = await db
        .update(agentRuns)
        .set({ status: 'running', approvals: [] })
        .where(and(eq(agentRuns.id, runId), eq(agentRuns.status, 'waiting')))
        .returning({ id: agentRuns.id });
      return answered.length > 0;
    },

    /**
     * Puts a cancelled run back to running (resume), or to waiting when it was cancelled holding
     * tool calls for approval (the resumed run waits for that answer); true when it was cancelled.
     */
    async reopen(runId: string): Promise<boolean> {
      const reopened = await db
        .update(agentRuns)
        .set({
          status: sql`case when jsonb_array_length(${agentRuns.approvals}) > 0 then 'waiting' else 'running' end`,
          finishedAt: null,
          error: null,
        })
        .where(and(eq(agentRuns.id, runId), eq(agentRuns.status, 'cancelled')))
        .returning({ id: agentRuns.id });
      return reopened.length > 0;
    },
  };
}

export type RunRecords = ReturnType<typeof createRunRecords>;
