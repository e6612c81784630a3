import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { UserActor } from '../../actor.js';
import type { Database } from '../../db/database.js';
import type { ActorTool, ActorToolSource } from '../../tools/actor-tools.js';
import { errorResult } from '../../tools/tool-runner.js';
import type { Logger } from '../../logger.js';
import { publicError } from '../../public-error.js';
import { agentToolInput, agentToolInputSchema, answerResult } from './run/answer-result.js';
import { agentToolPrefix } from './run/run-tools.js';
import type { AgentRunsService } from './service/runs.js';
import { agents } from './table.js';

const definitionEvents = new Set(['agent.created', 'agent.updated', 'agent.deleted']);

/**
 * Each agent the user may ask as a tool `agent__<name>` (MCP, the chat): their own, the built-ins,
 * and everyone's shared and published ones. Where names meet, the user's own stands, then a
 * built-in, then the oldest shared one. A call asks the agent as the caller and answers its reply.
 */
export function createAgentToolSource({
  db,
  runs,
  logger,
}: {
  db: Database;
  runs: AgentRunsService;
  logger: Logger;
}): ActorToolSource {
  const log = logger.child({ component: 'agent-tools' });
  // A chat asks every turn: drizzle builds the statement once, Postgres parses it once a connection.
  const askable = db
    .select({
      id: agents.id,
      ownerId: agents.ownerId,
      name: agents.name,
      description: agents.description,
      builtin: agents.builtin,
    })
    .from(agents)
    .where(
      and(
        isNull(agents.deletedAt),
        or(
          eq(agents.ownerId, sql.placeholder('userId')),
          eq(agents.builtin, true),
          sql`${agents.visibility} <> 'private'`,
        ),
      ),
    )
    .orderBy(asc(agents.createdAt), asc(agents.id))
    .prepare('agent_tools_for');
  return {
    async toolsFor(actor: UserActor): Promise<ActorTool[]> {
      const rows = await askable.execute({ userId: actor.userId });
      const rank = (row: (typeof rows)[number]) => (row.ownerId === actor.userId ? 0 : row.builtin ? 1 : 2);
      const ordered = [...rows].sort((first, second) => rank(first) - rank(second));
      const seen = new Set<string>();
      return ordered.flatMap((row) => {
        const name = `${agentToolPrefix}${row.name}`;
        if (seen.has(name)) return [];
        seen.add(name);
        return [
          {
            name,
            title: row.name,
            description: row.description,
            inputSchema: agentToolInputSchema,
            destructive: true,
            call: async (args, signal) => {
              try {
                return answerResult(await runs.ask(actor, row.id, agentToolInput(args), { signal }));
              } catch (error) {
                return errorResult(publicError(error, { logger: log, what: 'The agent failed' }));
              }
            },
          },
        ];
      });
    },

    /** Only the actor's own agents: another user's edits are not announced (nor confirmed). */
    changesToolsOf(event: { type: string; data: unknown }, actor: UserActor): boolean {
      return (
        definitionEvents.has(event.type) && (event.data as { owner_id?: unknown }).owner_id === actor.userId
      );
    },
  };
}
