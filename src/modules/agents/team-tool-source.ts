import { asc, eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../actor.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { publicError } from '../../public-error.js';
import type { ActorTool, ActorToolSource } from '../../tools/actor-tools.js';
import { errorResult, type ToolCallResult } from '../../tools/tool-runner.js';
import { agentToolInput, agentToolInputSchema } from './run/answer-result.js';
import type { TeamService } from './service/teams.js';
import { agentTeams } from './table.js';
import type { TeamRunView } from './teams/schema.js';

/** The prefix of a team offered as a tool. */
export const teamToolPrefix = 'team__';

/** How long a team tool waits for its run before answering that it goes on. */
const teamToolWaitMs = 600_000;

/** A team run as a tool's result: its output, or its failure with the code (and the run id either way). */
export function teamRunResult(run: TeamRunView): ToolCallResult {
  if (run.status === 'succeeded')
    return {
      content: [{ type: 'text', text: run.output ?? '' }],
      structuredContent: { team_run_id: run.id, status: run.status, output: run.output ?? '' },
      isError: false,
    };
  if (run.status === 'failed' || run.status === 'cancelled') {
    const result = errorResult({
      code: run.error?.code ?? 'TEAM_RUN_FAILED',
      message: run.error?.message ?? `The team run ${run.status}`,
    });
    return { ...result, structuredContent: { ...result.structuredContent, team_run_id: run.id } };
  }
  return {
    content: [{ type: 'text', text: `Team run ${run.id} is ${run.status} and goes on.` }],
    structuredContent: { team_run_id: run.id, status: run.status },
    isError: false,
  };
}

/**
 * Each of the user's own teams as a tool `team__<name>` (MCP, the chat, agent runs whose allowlist
 * names it), as agents are `agent__<name>`: a call runs the team as the caller on the text given
 * and answers the team's output. Teams are their owner's only, so nobody else sees the tool.
 */
export function createTeamToolSource({
  db,
  teams,
  logger,
}: {
  db: Database;
  teams: () => TeamService;
  logger: Logger;
}): ActorToolSource {
  const log = logger.child({ component: 'team-tools' });
  // A chat asks every turn: drizzle builds the statement once, Postgres parses it once a connection.
  const owned = db
    .select({ id: agentTeams.id, name: agentTeams.name, description: agentTeams.description })
    .from(agentTeams)
    .where(eq(agentTeams.ownerId, sql.placeholder('userId')))
    .orderBy(asc(agentTeams.name))
    .prepare('team_tools_for');
  return {
    async toolsFor(actor: UserActor): Promise<ActorTool[]> {
      const rows = await owned.execute({ userId: actor.userId });
      return rows.map((row) => ({
        name: `${teamToolPrefix}${row.name}`,
        title: row.name,
        description: row.description || `Asks the team ${row.name} and answers with its output.`,
        inputSchema: agentToolInputSchema,
        destructive: true,
        call: async (args) => {
          try {
            const run = await teams().run(actor, row.id, {
              input: agentToolInput(args),
              wait: true,
              timeout_ms: teamToolWaitMs,
            });
            return teamRunResult(run);
          } catch (error) {
            return errorResult(publicError(error, { logger: log, what: 'The team failed' }));
          }
        },
      }));
    },
  };
}
