import '../teams/events.js';
import { DBOS } from '@dbos-inc/dbos-sdk';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { type Engine, outsideEngine } from '../../../engine/index.js';
import type { Logger } from '../../../logger.js';
import type { ServiceDeps } from '../../../service-deps.js';
import type { ToolRunner } from '../../../tools/tool-runner.js';
import { AgentEngineUnavailableError } from '../errors.js';
import type { AgentDirectory } from '../mailbox/directory.js';
import type { AgentRunsService } from '../service.js';
import { type AgentTeamRow, type AgentTeamRunRow, agentTeamRuns, agentTeams } from '../table.js';
import {
  TeamInvalidError,
  TeamNameTakenError,
  TeamNotFoundError,
  TeamRunNotFoundError,
} from '../teams/errors.js';
import {
  type CreateTeamInput,
  createTeamInputSchema,
  type RunTeamInput,
  runTeamInputSchema,
  type TeamRunView,
  type TeamView,
  type UpdateTeamInput,
  updateTeamInputSchema,
} from '../teams/schema.js';
import { registerTeamWorkflow } from '../teams/workflow.js';

export interface TeamDeps extends ServiceDeps {
  engine: Engine | undefined;
  directory: AgentDirectory;
  runs: AgentRunsService;
  tools: () => ToolRunner;
  actorOf: (ownerId: string) => Promise<UserActor>;
  logger: Logger;
}

const waitPollMs = 300;

export function toTeamView(row: AgentTeamRow): TeamView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    pattern: row.pattern,
    members: row.members,
    options: row.options,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toTeamRunView(row: AgentTeamRunRow): TeamRunView {
  return {
    id: row.id,
    team_id: row.teamId,
    team_name: row.team.name,
    pattern: row.team.pattern,
    status: row.status,
    input: row.input,
    output: row.output,
    error: row.error ?? null,
    turns: row.turns,
    context_space_id: row.contextSpaceId,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    finished_at: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Teams of agents: a user's own teams (another user's team and its runs are not found), each run a
 * DBOS workflow playing the team's pattern (teams/patterns.ts) with agent runs as turns.
 */
export function createTeamService(deps: TeamDeps) {
  const { db, clock, ids, bus, engine, directory, tools } = deps;
  const workflow = engine
    ? registerTeamWorkflow({
        ...deps,
        ended: async (runId, ownerId, end) => {
          await bus.publish({ type: 'system', via: 'system' }, `agent.team.run.${end.status}`, {
            team_run_id: runId,
            owner_id: ownerId,
            error_code: end.error?.code ?? null,
          });
        },
      })
    : undefined;

  async function loadOwned(actor: Actor, idOrName: string): Promise<AgentTeamRow> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select()
      .from(agentTeams)
      .where(and(eq(agentTeams.ownerId, userId), eq(agentTeams.id, idOrName)))
      .union(
        db
          .select()
          .from(agentTeams)
          .where(and(eq(agentTeams.ownerId, userId), eq(agentTeams.name, idOrName))),
      )
      .limit(1);
    if (!row) throw new TeamNotFoundError(idOrName);
    return row;
  }

  async function loadRun(actor: Actor, runId: string): Promise<AgentTeamRunRow> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select()
      .from(agentTeamRuns)
      .where(and(eq(agentTeamRuns.id, runId), eq(agentTeamRuns.ownerId, userId)));
    if (!row) throw new TeamRunNotFoundError(runId);
    return row;
  }

  /** The members must be agents the actor sees, a pattern's roles filled, compensation tools real. */
  async function check(actor: Actor, team: ReturnType<typeof createTeamInputSchema.parse>) {
    if (team.pattern === 'review' && team.members.length < 2)
      throw new TeamInvalidError('A review team needs a writer and a critic: two members at least');
    for (const [index, member] of team.members.entries()) {
      await directory.agent(actor, member.agent);
      if (member.compensation_tool && !tools().has(member.compensation_tool))
        throw new TeamInvalidError(
          `No tool named ${member.compensation_tool}`,
          `members.${index}.compensation_tool`,
        );
    }
  }

  const nameTaken = (name: string) => (error: unknown) => {
    throw isUniqueViolation(error, 'agent_teams_owner_name_idx') ? new TeamNameTakenError(name) : error;
  };

  const service = {
    async list(actor: Actor): Promise<{ items: TeamView[] }> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select()
        .from(agentTeams)
        .where(eq(agentTeams.ownerId, userId))
        .orderBy(asc(agentTeams.name));
      return { items: rows.map(toTeamView) };
    },

    async get(actor: Actor, idOrName: string): Promise<TeamView> {
      return toTeamView(await loadOwned(actor, idOrName));
    },

    async create(actor: Actor, input: CreateTeamInput): Promise<TeamView> {
      const { userId } = requireUser(actor);
      const team = createTeamInputSchema.parse(input);
      await check(actor, team);
      const now = clock.now();
      const [row] = await db
        .insert(agentTeams)
        .values({ id: `team_${ids()}`, ownerId: userId, ...team, createdAt: now, updatedAt: now })
        .returning()
        .catch(nameTaken(team.name));
      if (!row) throw new Error('The team was not stored');
      return toTeamView(row);
    },

    /** Changes the fields given; runs already started keep the team as it was. */
    async update(actor: Actor, idOrName: string, input: UpdateTeamInput): Promise<TeamView> {
      const current = await loadOwned(actor, idOrName);
      const changes = updateTeamInputSchema.parse(input);
      const team = createTeamInputSchema.parse({ ...toTeamView(current), ...changes });
      await check(actor, team);
      const [row] = await db
        .update(agentTeams)
        .set({ ...team, version: sql`${agentTeams.version} + 1`, updatedAt: clock.now() })
        .where(eq(agentTeams.id, current.id))
        .returning()
        .catch(nameTaken(team.name));
      if (!row) throw new TeamNotFoundError(idOrName);
      return toTeamView(row);
    },

    /** Deletes the team and its runs' records. */
    async remove(actor: Actor, idOrName: string): Promise<void> {
      const current = await loadOwned(actor, idOrName);
      await db.delete(agentTeams).where(eq(agentTeams.id, current.id));
    },

    /** Starts a run of the team on `input` (a DBOS workflow); answers at once, queued. */
    async start(actor: Actor, idOrName: string, input: { input: string }): Promise<TeamRunView> {
      const { userId } = requireUser(actor);
      const team = await loadOwned(actor, idOrName);
      if (!workflow) throw new AgentEngineUnavailableError();
      const [row] = await db
        .insert(agentTeamRuns)
        .values({
          id: `trun_${ids()}`,
          ownerId: userId,
          teamId: team.id,
          team: { name: team.name, pattern: team.pattern, members: team.members, options: team.options },
          status: 'queued',
          input: input.input,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error('The team run was not stored');
      await outsideEngine(() => DBOS.startWorkflow(workflow, { workflowID: row.id })(row.id));
      return toTeamRunView(row);
    },

    /** The run once it ended, or as it is when `timeout_ms` passes. */
    async wait(actor: Actor, runId: string, { timeout_ms }: { timeout_ms: number }): Promise<TeamRunView> {
      const deadline = Date.now() + timeout_ms;
      for (;;) {
        const row = await loadRun(actor, runId);
        const ended = row.status !== 'queued' && row.status !== 'running';
        if (ended || Date.now() >= deadline) return toTeamRunView(row);
        await new Promise((resolve) => setTimeout(resolve, Math.min(waitPollMs, deadline - Date.now())));
      }
    },

    /** Starts a run; with `wait`, answers once it ended (or `timeout_ms` passed). */
    async run(actor: Actor, idOrName: string, input: RunTeamInput): Promise<TeamRunView> {
      const parsed = runTeamInputSchema.parse(input);
      const started = await service.start(actor, idOrName, parsed);
      return parsed.wait ? service.wait(actor, started.id, parsed) : started;
    },

    async getRun(actor: Actor, runId: string): Promise<TeamRunView> {
      return toTeamRunView(await loadRun(actor, runId));
    },

    /** A team's runs, newest first (the last 50). */
    async listRuns(actor: Actor, idOrName: string): Promise<{ items: TeamRunView[] }> {
      const team = await loadOwned(actor, idOrName);
      const rows = await db
        .select()
        .from(agentTeamRuns)
        .where(eq(agentTeamRuns.teamId, team.id))
        .orderBy(desc(agentTeamRuns.id))
        .limit(50);
      return { items: rows.map(toTeamRunView) };
    },
  };
  return service;
}
export type TeamService = ReturnType<typeof createTeamService>;
