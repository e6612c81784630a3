import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import type { Agent } from '../schema.js';
import { type AgentRow, agents } from '../table.js';

/** Agents the user may read: their own, the built-ins and everyone's shared or published ones. */
export const visibleTo = (userId: string): SQL =>
  and(
    isNull(agents.deletedAt),
    or(eq(agents.ownerId, userId), eq(agents.builtin, true), sql`${agents.visibility} <> 'private'`),
  ) as SQL;

/**
 * The agent `idOrName` names for the user among `scope`: an id first, then a name — theirs
 * before a built-in, a built-in before a shared one, the newest shared one when several users
 * share that name.
 */
export async function findAgent(
  db: Database,
  userId: string,
  idOrName: string,
  scope: 'visible' | 'owned',
): Promise<AgentRow | undefined> {
  const allowed =
    scope === 'owned' ? and(isNull(agents.deletedAt), eq(agents.ownerId, userId)) : visibleTo(userId);
  const [row] = await db
    .select()
    .from(agents)
    .where(and(allowed, or(eq(agents.id, idOrName), eq(agents.name, idOrName))))
    .orderBy(
      sql`${agents.id} = ${idOrName} desc`,
      sql`${agents.ownerId} is not distinct from ${userId} desc`,
      desc(agents.builtin),
      desc(agents.id),
    )
    .limit(1);
  return row;
}

/** An agent as the viewer sees it. */
export function toAgentView(row: AgentRow, viewerId: string): Agent {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    definition: row.definition,
    version: row.version,
    visibility: row.visibility,
    builtin: row.builtin,
    is_owner: row.ownerId === viewerId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
