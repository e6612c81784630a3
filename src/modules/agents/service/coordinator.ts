import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { type Engine, outsideEngine } from '../../../engine/index.js';
import type { Logger } from '../../../logger.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { CoordinationNotFoundError } from '../coordination/errors.js';
import { type CoordinateInput, coordinateInputSchema, type Coordination } from '../coordination/schema.js';
import { type AgentCoordinationRow, agentCoordinations } from '../coordination/tables.js';
import { registerCoordinationWorkflow } from '../coordination/workflow.js';
import { AgentEngineUnavailableError } from '../errors.js';
import type { AgentRunsService } from '../service.js';
import type { MailboxService } from './mailbox.js';
import type { UnavailableAgents } from './match.js';

export interface CoordinatorDeps extends ServiceDeps {
  engine: Engine | undefined;
  runs: AgentRunsService;
  mailbox: MailboxService;
  unavailable: UnavailableAgents;
  actorOf: (ownerId: string) => Promise<UserActor>;
  logger: Logger;
}

const waitPollMs = 300;
/** How much longer than a part's wait the answer to `coordinate` waits for the whole. */
const answerMarginMs = 10_000;

export function toCoordinationView(row: AgentCoordinationRow): Coordination {
  return {
    id: row.id,
    correlation_id: row.id,
    status: row.status,
    goal: row.goal,
    parts: row.parts,
    unavailable: row.unavailable,
    report: row.report,
    error: row.error ?? null,
    created_at: row.createdAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * The coordinator: a goal split into parts, each given to the agent whose capabilities match it
 * best, each hand-off a run of that agent and a message in the run's mailbox (correlation id: the
 * coordination's), acknowledged once the run answered; then a report part by part. Each
 * coordination is a DBOS workflow (coordination/workflow.ts) and a row its owner reads afterwards;
 * another user's is not found. Works with the built-in assistant: the specialists answer offline.
 */
export function createCoordinator(deps: CoordinatorDeps) {
  const { db, clock, ids, engine } = deps;
  const workflow = engine ? registerCoordinationWorkflow(deps) : undefined;

  async function loadOwned(actor: Actor, id: string): Promise<AgentCoordinationRow> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select()
      .from(agentCoordinations)
      .where(and(eq(agentCoordinations.id, id), eq(agentCoordinations.ownerId, userId)));
    if (!row) throw new CoordinationNotFoundError(id);
    return row;
  }

  const service = {
    /** Starts a coordination of the goal (a DBOS workflow); answers at once, queued. */
    async start(actor: Actor, input: CoordinateInput): Promise<Coordination> {
      const { userId } = requireUser(actor);
      const { goal, timeout_ms } = coordinateInputSchema.parse(input);
      if (!workflow) throw new AgentEngineUnavailableError();
      const [row] = await db
        .insert(agentCoordinations)
        .values({
          id: `coord_${ids()}`,
          ownerId: userId,
          status: 'queued',
          goal,
          timeoutMs: timeout_ms,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error('The coordination was not stored');
      try {
        await outsideEngine(() => DBOS.startWorkflow(workflow, { workflowID: row.id })(row.id));
      } catch (error) {
        // Never started: the record says so rather than stay queued for ever.
        await db
          .update(agentCoordinations)
          .set({
            status: 'failed',
            error: { code: 'ENGINE_UNAVAILABLE', message: 'The coordination could not be started' },
            finishedAt: clock.now(),
          })
          .where(eq(agentCoordinations.id, row.id));
        throw error;
      }
      return toCoordinationView(row);
    },

    /** The coordination; with `wait_ms`, once it ended or as it is when that passes. */
    async get(actor: Actor, id: string, { wait_ms = 0 }: { wait_ms?: number } = {}): Promise<Coordination> {
      const deadline = Date.now() + wait_ms;
      for (;;) {
        const row = await loadOwned(actor, id);
        const ended = row.status !== 'queued' && row.status !== 'running';
        if (ended || Date.now() >= deadline) return toCoordinationView(row);
        await new Promise((resolve) => setTimeout(resolve, Math.min(waitPollMs, deadline - Date.now())));
      }
    },

    /** The actor's coordinations, newest first (the last 50). */
    async list(actor: Actor): Promise<{ items: Coordination[] }> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select()
        .from(agentCoordinations)
        .where(eq(agentCoordinations.ownerId, userId))
        .orderBy(desc(agentCoordinations.id))
        .limit(50);
      return { items: rows.map(toCoordinationView) };
    },

    /**
     * Starts a coordination and answers once it ended: its parts and report. When that takes
     * longer than the parts' `timeout_ms` and a margin, answers it as it stands (its id and status;
     * `get` reads it later).
     */
    async coordinate(actor: Actor, input: CoordinateInput): Promise<Coordination> {
      const started = await service.start(actor, input);
      const { timeout_ms } = coordinateInputSchema.parse(input);
      return service.get(actor, started.id, { wait_ms: timeout_ms + answerMarginMs });
    },
  };
  return service;
}
export type Coordinator = ReturnType<typeof createCoordinator>;
