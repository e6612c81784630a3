import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { ContextMemberNotFoundError } from '../errors.js';
import {
  type AddMemberInput,
  addMemberInputSchema,
  type ContextMember,
  type MemberRole,
  updateMemberInputSchema,
} from '../schema.js';
import { type ContextSpaceRow, contextMembers } from '../table.js';
import { audienceOf, loadSpace } from './access.js';
import { toMemberView } from './views.js';

/** How the context module finds the user to add (the identity service, handed in by app.ts). */
export interface MemberDirectory {
  /** The user's id, or throws the identity module's not-found error. */
  userIdByEmail(email: string): Promise<string>;
  /** Whether an account with this id exists. */
  userExists(userId: string): Promise<boolean>;
  /** The names and emails of these accounts (unknown ids left out). */
  profiles(userIds: string[]): Promise<{ id: string; name: string; email: string }[]>;
}

/** A space's members: listed by anyone who may read it, changed by its owner and admins. */
export function createMemberOperations({ db, clock, bus }: ServiceDeps, directory: MemberDirectory) {
  async function announce(
    actor: Actor,
    space: ContextSpaceRow,
    memberId: string,
    role: MemberRole | null,
    formerMember: string[] = [],
  ) {
    await bus.publish(actor, 'context.member.changed', {
      space_id: space.id,
      owner_id: space.ownerId,
      member_kind: 'user',
      member_id: memberId,
      role,
      audience: [...(await audienceOf(db, space)), ...formerMember],
    });
  }

  return {
    async list(actor: Actor, spaceId: string): Promise<ContextMember[]> {
      await loadSpace(db, actor, spaceId, 'read');
      const rows = await db
        .select()
        .from(contextMembers)
        .where(eq(contextMembers.spaceId, spaceId))
        .orderBy(asc(contextMembers.addedAt), asc(contextMembers.memberId));
      return rows.map(toMemberView);
    },

    /** Adds a user (by id or email) with a role, or changes the role of one already there. */
    async add(actor: Actor, spaceId: string, input: AddMemberInput): Promise<ContextMember> {
      const { space } = await loadSpace(db, actor, spaceId, 'admin');
      const { user_id, email, role } = addMemberInputSchema.parse(input);
      const memberId = email === undefined ? (user_id as string) : await directory.userIdByEmail(email);
      if (memberId === space.ownerId || !(await directory.userExists(memberId)))
        throw new ContextMemberNotFoundError(memberId);
      const [row] = await db
        .insert(contextMembers)
        .values({ spaceId, memberKind: 'user', memberId, role, addedAt: clock.now() })
        .onConflictDoUpdate({
          target: [contextMembers.spaceId, contextMembers.memberKind, contextMembers.memberId],
          set: { role },
        })
        .returning();
      if (!row) throw new Error('The member was not stored');
      await announce(actor, space, memberId, role);
      return toMemberView(row);
    },

    async update(
      actor: Actor,
      spaceId: string,
      memberId: string,
      input: { role: MemberRole },
    ): Promise<ContextMember> {
      const { space } = await loadSpace(db, actor, spaceId, 'admin');
      const { role } = updateMemberInputSchema.parse(input);
      const [row] = await db
        .update(contextMembers)
        .set({ role })
        .where(memberWhere(spaceId, memberId))
        .returning();
      if (!row) throw new ContextMemberNotFoundError(memberId);
      await announce(actor, space, memberId, role);
      return toMemberView(row);
    },

    /** Removes a member. Admins remove anyone; any member may leave. */
    async remove(actor: Actor, spaceId: string, memberId: string): Promise<void> {
      const leaving = await loadSpace(db, actor, spaceId, 'read');
      if (leaving.userId !== memberId) await loadSpace(db, actor, spaceId, 'admin');
      const removed = await db.delete(contextMembers).where(memberWhere(spaceId, memberId)).returning();
      if (removed.length === 0) throw new ContextMemberNotFoundError(memberId);
      await announce(actor, leaving.space, memberId, null, [memberId]);
    },
  };
}

function memberWhere(spaceId: string, memberId: string) {
  return and(
    eq(contextMembers.spaceId, spaceId),
    eq(contextMembers.memberKind, 'user'),
    eq(contextMembers.memberId, memberId),
  );
}
