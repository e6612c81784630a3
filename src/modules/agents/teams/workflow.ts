import { DBOS } from '@dbos-inc/dbos-sdk';
import { eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import type { Database } from '../../../db/database.js';
import type { Logger } from '../../../logger.js';
import { publicError } from '../../../public-error.js';
import type { ToolRunner } from '../../../tools/tool-runner.js';
import type { AgentRunsService, AskOptions } from '../service.js';
import { agentTeamRuns } from '../table.js';
import { type PatternEnd, patterns, type TeamPlay } from './patterns.js';
import type { TeamSnapshot, TeamTurn } from './schema.js';

export interface TeamWorkflowDeps {
  db: Database;
  runs: AgentRunsService;
  tools: () => ToolRunner;
  /** The user a team run acts as: its owner (refused when deactivated). */
  actorOf: (ownerId: string) => Promise<UserActor>;
  logger: Logger;
  /** Called once a run ended, with its row's final state (events). */
  ended: (runId: string, ownerId: string, end: PatternEnd) => Promise<void>;
}

interface Begun {
  ownerId: string;
  team: TeamSnapshot;
  input: string;
  ended: boolean;
}

/** Appends a turn to the run's list once (a step run again after a crash finds its key there). */
async function recordTurn(db: Database, runId: string, turn: TeamTurn) {
  const item = JSON.stringify([turn]);
  await db
    .update(agentTeamRuns)
    .set({
      turns: sql`case when ${agentTeamRuns.turns} @> ${JSON.stringify([{ key: turn.key }])}::jsonb
        then ${agentTeamRuns.turns} else ${agentTeamRuns.turns} || ${item}::jsonb end`,
    })
    .where(eq(agentTeamRuns.id, runId));
}

/** A member's agent run id in a team run: the same on a replay, so a repeated step finds its run. */
export const memberRunId = (teamRunId: string, key: string) => `arun_${teamRunId}_${key}`;

/**
 * The DBOS workflow of a team run (its id is the run's): the pattern plays the members' turns,
 * each turn one DBOS step that asks the member's agent (an agent run with a fixed id and the team
 * run's id) and records the turn on the row; a pipeline's compensation is a step calling the
 * member's compensation tool as the owner. A crash resumes from the last finished turn.
 */
export function registerTeamWorkflow(deps: TeamWorkflowDeps) {
  const { db, runs, tools, actorOf, logger } = deps;
  const log = logger.child({ component: 'agent-teams' });

  async function begin(runId: string): Promise<Begun> {
    const [row] = await db.select().from(agentTeamRuns).where(eq(agentTeamRuns.id, runId));
    if (!row) throw new Error(`Team run ${runId} is gone`);
    const ended = row.status !== 'queued' && row.status !== 'running';
    if (!ended)
      await db
        .update(agentTeamRuns)
        .set({ status: 'running', startedAt: sql`coalesce(${agentTeamRuns.startedAt}, now())` })
        .where(eq(agentTeamRuns.id, runId));
    return { ownerId: row.ownerId, team: row.team, input: row.input, ended };
  }

  async function turn(runId: string, begun: Begun, spec: Parameters<TeamPlay['turn']>[0]): Promise<TeamTurn> {
    const member = begun.team.members[spec.member];
    const base = {
      key: spec.key,
      kind: 'turn' as const,
      member: spec.member,
      agent: member?.agent ?? '',
      role: member?.role ?? null,
      round: spec.round,
    };
    let result: TeamTurn;
    try {
      const actor = await actorOf(begun.ownerId);
      const options: AskOptions & { run_id: string } = {
        team_run_id: runId,
        run_id: memberRunId(runId, spec.key),
        until_ended: true,
      };
      const answer = await runs.ask(actor, base.agent, spec.input, options);
      result = {
        ...base,
        run_id: answer.run_id,
        status: answer.status,
        output: answer.output,
        error: answer.error,
      };
    } catch (error) {
      const failure = publicError(error, {
        logger: log,
        what: 'A team member failed',
        details: { run_id: runId },
      });
      result = { ...base, run_id: null, status: 'failed', output: null, error: failure };
    }
    await recordTurn(db, runId, result);
    return result;
  }

  async function compensate(runId: string, begun: Begun, spec: Parameters<TeamPlay['compensate']>[0]) {
    const member = begun.team.members[spec.member];
    const tool = member?.compensation_tool ?? '';
    const base = {
      key: spec.key,
      kind: 'compensation' as const,
      member: spec.member,
      agent: member?.agent ?? '',
      role: member?.role ?? null,
      round: spec.member,
      run_id: null,
    };
    let result: TeamTurn;
    try {
      const actor = await actorOf(begun.ownerId);
      const args = fillOutput(member?.compensation_input ?? {}, spec.output);
      const called = await tools().call(actor, tool, args, { idempotencyKey: `${runId}:${spec.key}` });
      const text = called.content.map((part) => part.text).join('\n');
      result = { ...base, status: called.isError ? 'failed' : 'succeeded', output: text, error: null };
    } catch (error) {
      const failure = publicError(error, {
        logger: log,
        what: 'A compensation failed',
        details: { run_id: runId },
      });
      result = { ...base, status: 'failed', output: null, error: failure };
    }
    await recordTurn(db, runId, result);
    return result;
  }

  async function end(runId: string, ownerId: string, outcome: PatternEnd) {
    const [changed] = await db
      .update(agentTeamRuns)
      .set({ status: outcome.status, output: outcome.output, error: outcome.error, finishedAt: sql`now()` })
      .where(sql`${agentTeamRuns.id} = ${runId} and ${agentTeamRuns.status} in ('queued', 'running')`)
      .returning({ id: agentTeamRuns.id });
    if (changed) await deps.ended(runId, ownerId, outcome);
  }

  return DBOS.registerWorkflow(
    async (runId: string): Promise<PatternEnd['status'] | 'ended'> => {
      const begun = await DBOS.runStep(() => begin(runId), { name: 'begin' });
      if (begun.ended) return 'ended';
      const play: TeamPlay = {
        team: begun.team,
        input: begun.input,
        turn: (spec) => DBOS.runStep(() => turn(runId, begun, spec), { name: `turn-${spec.key}` }),
        compensate: (spec) =>
          DBOS.runStep(() => compensate(runId, begun, spec), { name: `compensate-${spec.key}` }),
      };
      let outcome: PatternEnd;
      try {
        outcome = await patterns[begun.team.pattern](play);
      } catch (error) {
        const failure = publicError(error, {
          logger: log,
          what: 'The team run failed',
          details: { run_id: runId },
        });
        outcome = { status: 'failed', output: null, error: failure };
      }
      await DBOS.runStep(() => end(runId, begun.ownerId, outcome), { name: 'end' });
      return outcome.status;
    },
    { name: 'agents.team.run' },
  );
}

/** The compensation's arguments with every string "{{output}}" in them replaced by the member's output. */
function fillOutput(input: Record<string, unknown>, output: string): Record<string, unknown> {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll('{{output}}', output);
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, fill(each)]));
    return value;
  };
  return fill(input) as Record<string, unknown>;
}
