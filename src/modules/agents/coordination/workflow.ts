import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import type { Database } from '../../../db/database.js';
import { outsideEngine } from '../../../engine/index.js';
import type { Logger } from '../../../logger.js';
import { publicError } from '../../../public-error.js';
import type { AgentRunsService } from '../service.js';
import type { MailboxService } from '../service/mailbox.js';
import type { UnavailableAgent, UnavailableAgents } from '../service/match.js';
import { type PlannedPart, planParts, reportOf } from './plan.js';
import type { CoordinationPart } from './schema.js';
import { agentCoordinations } from './tables.js';

export interface CoordinationWorkflowDeps {
  db: Database;
  runs: AgentRunsService;
  mailbox: MailboxService;
  unavailable: UnavailableAgents;
  /** The user a coordination acts as: its owner (refused when deactivated). */
  actorOf: (ownerId: string) => Promise<UserActor>;
  logger: Logger;
}

interface Planned {
  ended: boolean;
  ownerId: string;
  goal: string;
  timeoutMs: number;
  parts: PlannedPart[];
  unavailable: UnavailableAgent[];
}

type Failure = { code: string; message: string };

/** A part's agent run id: the same on a replay, so a repeated step finds the run it started. */
export const partRunId = (coordinationId: string, index: number) => `arun_${coordinationId}_${index}`;

/**
 * The DBOS workflow of a coordination (its id is the coordination's): one step plans (matches each
 * part to an agent), one step per part hands it out — an agent run with a fixed id and a message
 * in that run's mailbox, found again on a replay — and waits for the run's end (through its waits
 * for approval, up to the timeout), acknowledging the message once it succeeded; a last step writes
 * the report. Each step records its progress on the row; a restart resumes from the last finished step.
 */
export function registerCoordinationWorkflow(deps: CoordinationWorkflowDeps) {
  const { db, runs, mailbox, actorOf, logger } = deps;
  const log = logger.child({ component: 'agent-coordinator' });
  const failure = (error: unknown, what: string, id: string): Failure => {
    const { code, message } = publicError(error, { logger: log, what, details: { coordination_id: id } });
    return { code, message };
  };

  async function plan(id: string): Promise<Planned> {
    const [row] = await db.select().from(agentCoordinations).where(eq(agentCoordinations.id, id));
    if (!row) throw new Error(`Coordination ${id} is gone`);
    const base = { ownerId: row.ownerId, goal: row.goal, timeoutMs: row.timeoutMs };
    if (row.status !== 'queued' && row.status !== 'running')
      return { ...base, ended: true, parts: [], unavailable: [] };
    const actor = await actorOf(row.ownerId);
    const planned = await planParts(deps, actor, row.goal);
    const parts: CoordinationPart[] = planned.parts.map(({ part, agent }) => ({
      part,
      agent,
      run_id: null,
      message_id: null,
      status: agent ? 'pending' : 'unmatched',
      output: null,
      error: null,
    }));
    await db
      .update(agentCoordinations)
      .set({
        status: 'running',
        parts,
        unavailable: planned.unavailable,
        startedAt: sql`coalesce(${agentCoordinations.startedAt}, now())`,
      })
      .where(eq(agentCoordinations.id, id));
    return { ...base, ended: false, ...planned };
  }

  async function recordPart(id: string, index: number, part: CoordinationPart) {
    await db
      .update(agentCoordinations)
      .set({
        parts: sql`jsonb_set(${agentCoordinations.parts}, ${`{${index}}`}::text[], ${JSON.stringify(part)}::jsonb)`,
      })
      .where(eq(agentCoordinations.id, id));
  }

  /** The hand-off message in the run's mailbox: the one sent before a restart, else a new one. */
  async function handOff(actor: UserActor, id: string, runId: string, planned: Planned, part: string) {
    const address = { run_id: runId };
    const sent = await mailbox.list(actor, address, { limit: 100 });
    const found = sent.items.find((message) => message.correlation_id === id);
    if (found) return found;
    return outsideEngine(() =>
      mailbox.send(actor, address, {
        payload: { goal: planned.goal, part },
        correlation_id: id,
        reply_to: 'coordinator',
      }),
    );
  }

  /** Takes the hand-off message from the run's mailbox if it is still there, and acknowledges it. */
  async function acknowledge(actor: UserActor, id: string, runId: string, messageId: string) {
    try {
      const message = await mailbox.get(actor, messageId);
      if (message.status === 'pending')
        await outsideEngine(() => mailbox.receive(actor, { run_id: runId }, { limit: 1 }));
      await outsideEngine(() => mailbox.ack(actor, messageId));
    } catch (error) {
      // Not acknowledged: the mailbox delivers it again later; the part's answer stands.
      failure(error, 'Acknowledging a coordination message failed', id);
    }
  }

  async function handOut(id: string, planned: Planned, index: number): Promise<CoordinationPart> {
    const { part, agent_id, agent } = planned.parts[index] as PlannedPart;
    const base = { part, agent, run_id: null, message_id: null, output: null, error: null };
    if (!agent_id) return { ...base, status: 'unmatched' };
    let result: CoordinationPart;
    try {
      const actor = await actorOf(planned.ownerId);
      const run = await runs.start(actor, agent_id, { input: part, run_id: partRunId(id, index) });
      const message = await handOff(actor, id, run.id, planned, part);
      const handed = { ...base, run_id: run.id, message_id: message.id };
      await recordPart(id, index, { ...handed, status: run.status });
      const ended = await runs.wait(actor, run.id, { timeout_ms: planned.timeoutMs, until_ended: true });
      if (ended.status === 'succeeded') await acknowledge(actor, id, run.id, message.id);
      result = { ...handed, status: ended.status, output: ended.output, error: ended.error };
    } catch (error) {
      result = { ...base, status: 'failed', error: failure(error, 'A coordination part failed', id) };
    }
    await recordPart(id, index, result);
    return result;
  }

  async function end(
    id: string,
    outcome: { parts: CoordinationPart[] | null; report: string | null; error: Failure | null },
  ) {
    await db
      .update(agentCoordinations)
      .set({
        status: outcome.error ? 'failed' : 'succeeded',
        ...(outcome.parts ? { parts: outcome.parts } : {}),
        report: outcome.report,
        error: outcome.error,
        finishedAt: sql`now()`,
      })
      .where(sql`${agentCoordinations.id} = ${id} and ${agentCoordinations.status} in ('queued', 'running')`);
  }

  return DBOS.registerWorkflow(
    async (id: string): Promise<'succeeded' | 'failed' | 'ended'> => {
      let planned: Planned;
      try {
        planned = await DBOS.runStep(() => plan(id), { name: 'plan' });
      } catch (error) {
        const failed = failure(error, 'Planning a coordination failed', id);
        await DBOS.runStep(() => end(id, { parts: null, report: null, error: failed }), { name: 'end' });
        return 'failed';
      }
      if (planned.ended) return 'ended';
      const parts = await Promise.all(
        planned.parts.map((_, index) =>
          DBOS.runStep(() => handOut(id, planned, index), { name: `part-${index}` }),
        ),
      );
      const report = reportOf(parts, planned.unavailable);
      await DBOS.runStep(() => end(id, { parts, report, error: null }), { name: 'end' });
      return 'succeeded';
    },
    { name: 'agents.coordinate' },
  );
}
