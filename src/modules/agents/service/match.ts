import { and, desc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Database } from '../../../db/database.js';
import type { AgentDefinition } from '../definition.js';
import { agents } from '../table.js';
import { visibleTo } from './rows.js';

export const matchAgentsInputSchema = z.object({
  goal: z.string().trim().min(1).max(2_000).describe('What you want done, in words'),
  limit: z.number().int().min(1).max(50).default(10),
});
export type MatchAgentsInput = z.input<typeof matchAgentsInputSchema>;

export const agentMatchSchema = z.object({
  agent_id: z.string(),
  name: z.string(),
  description: z.string(),
  score: z.number(),
  capabilities: z.array(z.string()).describe('Its capabilities whose words the goal shares'),
});
export type AgentMatch = z.infer<typeof agentMatchSchema>;
export const unavailableAgentSchema = z.object({
  agent_id: z.string(),
  name: z.string(),
  reason: z.string().describe('Why it cannot work now: its model does not answer, or tools are missing'),
});
export type UnavailableAgent = z.infer<typeof unavailableAgentSchema>;
export const agentMatchListSchema = z.object({
  items: z.array(agentMatchSchema),
  unavailable: z
    .array(unavailableAgentSchema)
    .describe('Agents that match the goal but were left out: their model or tools are down'),
});
export type AgentMatchList = z.infer<typeof agentMatchListSchema>;

/** The agents, of those given, that cannot work now (model or tools down), each with why. */
export type UnavailableAgents = (
  actor: Actor,
  candidates: { id: string; definition: Pick<AgentDefinition, 'model' | 'tools'> }[],
) => Promise<Map<string, string>>;

/** An agent's searchable text: name, description, capability names and descriptions. */
const document = sql`to_tsvector('english',
  ${agents.name} || ' ' || ${agents.description} || ' ' || coalesce((
    select string_agg(replace(capability->>'name', '_', ' ') || ' ' || (capability->>'description'), ' ')
    from jsonb_array_elements(${agents.definition}->'capabilities') capability), ''))`;

/** Any of the goal's words (stemmed, stop words dropped): `plainto_tsquery`'s AND made an OR. */
const anyWord = (goal: string) => sql`replace(plainto_tsquery('english', ${goal})::text, '&', '|')::tsquery`;

/**
 * Ranks the agents the user may run by how well their name, description and capabilities match
 * a goal (Postgres full text, ts_rank; semantic matching comes with the memory issue's embeddings).
 * Agents whose model or tools are down are left out, and listed apart with why.
 */
export async function matchAgents(
  db: Database,
  actor: Actor,
  input: MatchAgentsInput,
  unavailable: UnavailableAgents,
): Promise<AgentMatchList> {
  const { userId } = requireUser(actor);
  const { goal, limit } = matchAgentsInputSchema.parse(input);
  const query = anyWord(goal);
  const rows = await db
    .select({
      id: agents.id,
      name: agents.name,
      description: agents.description,
      definition: agents.definition,
      score: sql<number>`ts_rank(${document}, ${query})::float8`,
    })
    .from(agents)
    .where(and(visibleTo(userId), sql`${document} @@ ${query}`))
    .orderBy(desc(sql`ts_rank(${document}, ${query})`), agents.name)
    .limit(limit * 2);
  const down = await unavailable(actor, rows);
  const words = new Set(goal.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);
  const items = rows
    .filter((row) => !down.has(row.id))
    .slice(0, limit)
    .map((row) => ({
      agent_id: row.id,
      name: row.name,
      description: row.description,
      score: row.score,
      capabilities: row.definition.capabilities
        .filter((capability) =>
          `${capability.name} ${capability.description}`
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .some((word) => words.has(word) || [...words].some((each) => word.startsWith(each.slice(0, 5)))),
        )
        .map((capability) => capability.name),
    }));
  return {
    items,
    unavailable: rows.flatMap((row) => {
      const reason = down.get(row.id);
      return reason ? [{ agent_id: row.id, name: row.name, reason }] : [];
    }),
  };
}
