import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Database } from '../../../db/database.js';
import { ContextForbiddenError, ContextSpaceNotFoundError } from '../errors.js';
import type { SpaceRole } from '../schema.js';
import { type ContextSpaceRow, contextMembers, contextSpaces } from '../table.js';

/** What a role may do, weakest first. */
const rank: Record<SpaceRole, number> = { read: 0, write: 1, admin: 2, owner: 3 };

/** A space the actor may use, and their role in it. */
export interface SpaceAccess {
  space: ContextSpaceRow;
  role: SpaceRole;
  userId: string;
}

/**
 * Loads a space for the actor and checks their role allows `needed`. Someone who is neither its
 * owner nor a member is told it does not exist; a member whose role is too weak, 403.
 */
export async function loadSpace(
  db: Database,
  actor: Actor,
  spaceId: string,
  needed: SpaceRole,
): Promise<SpaceAccess> {
  const { userId } = requireUser(actor);
  const [found] = await db
    .select({ space: contextSpaces, memberRole: contextMembers.role })
    .from(contextSpaces)
    .leftJoin(
      contextMembers,
      and(
        eq(contextMembers.spaceId, contextSpaces.id),
        eq(contextMembers.memberKind, 'user'),
        eq(contextMembers.memberId, userId),
      ),
    )
    .where(eq(contextSpaces.id, spaceId));
  if (!found) throw new ContextSpaceNotFoundError(spaceId);
  const role: SpaceRole | null = found.space.ownerId === userId ? 'owner' : found.memberRole;
  if (role === null) throw new ContextSpaceNotFoundError(spaceId);
  if (rank[role] < rank[needed]) throw new ContextForbiddenError(needed === 'read' ? 'write' : needed);
  return { space: found.space, role, userId };
}

/** The users who may read a space (its owner and user members): whom its events are for. */
export async function audienceOf(db: Database, space: ContextSpaceRow): Promise<string[]> {
  const members = await db
    .select({ memberId: contextMembers.memberId })
    .from(contextMembers)
    .where(and(eq(contextMembers.spaceId, space.id), eq(contextMembers.memberKind, 'user')));
  return [space.ownerId, ...members.map((member) => member.memberId)];
}
