import { and, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { ServiceDeps } from '../../../service-deps.js';
import type { ContextPerson } from '../schema.js';
import { contextEntryVersions, contextMembers } from '../table.js';
import { loadSpace } from './access.js';
import type { MemberDirectory } from './members.js';

/**
 * The people of a space, by name: its owner, its user members and whoever wrote a version of one
 * of its entries — no one else, so a space's reader learns the names of those who share it and
 * of nobody more. Anyone who may read the space asks; others are told it does not exist.
 */
export function createPeopleOperations({ db }: ServiceDeps, directory: MemberDirectory) {
  return {
    async list(actor: Actor, spaceId: string): Promise<ContextPerson[]> {
      const { space } = await loadSpace(db, actor, spaceId, 'read');
      const [members, authors] = await Promise.all([
        db
          .select({ id: contextMembers.memberId, role: contextMembers.role })
          .from(contextMembers)
          .where(and(eq(contextMembers.spaceId, spaceId), eq(contextMembers.memberKind, 'user'))),
        db
          .selectDistinct({ id: contextEntryVersions.authorId })
          .from(contextEntryVersions)
          .where(and(eq(contextEntryVersions.spaceId, spaceId), isNotNull(contextEntryVersions.authorId))),
      ]);
      const roles = new Map<string, ContextPerson['role']>();
      for (const member of members) roles.set(member.id, member.role);
      roles.set(space.ownerId, 'owner'); // an owner who is also listed as a member is still the owner
      for (const author of authors) if (author.id && !roles.has(author.id)) roles.set(author.id, null);
      const profiles = await directory.profiles([...roles.keys()]);
      return profiles
        .map((profile) => ({
          user_id: profile.id,
          name: profile.name,
          email: profile.email,
          role: roles.get(profile.id) ?? null,
        }))
        .sort(
          (left, right) => left.name.localeCompare(right.name) || left.user_id.localeCompare(right.user_id),
        );
    },
  };
}
