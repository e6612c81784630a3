import { and, desc, eq, exists, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { ContextSpaceNotFoundError } from '../errors.js';
import {
  type ContextSpace,
  type ContextSpacePage,
  type CreateSpaceInput,
  createSpaceInputSchema,
  type ListSpacesInput,
  listSpacesInputSchema,
  type UpdateSpaceInput,
  updateSpaceInputSchema,
} from '../schema.js';
import { contextEntries, contextEntryVersions, contextMembers, contextSpaces } from '../table.js';
import { audienceOf, loadSpace } from './access.js';
import { toSpaceView } from './views.js';

/** The run a space belongs to: a workflow run, or an agent team run. */
export interface RunRef {
  kind: 'workflow_run' | 'team_run';
  id: string;
}

const runNames: Record<RunRef['kind'], string> = { workflow_run: 'Workflow run', team_run: 'Team run' };

/** Spaces: made by a user or for a run, listed for their owner and members, renamed, deleted. */
export function createSpaceOperations({ db, clock, ids, bus }: ServiceDeps) {
  async function insertSpace(actor: Actor, name: string, run?: RunRef): Promise<ContextSpace | undefined> {
    const { userId } = requireUser(actor);
    const now = clock.now();
    const [row] = await db
      .insert(contextSpaces)
      .values({
        id: ids(),
        ownerId: userId,
        name,
        runKind: run?.kind,
        runId: run?.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return undefined;
    await bus.publish(actor, 'context.space.created', {
      space_id: row.id,
      owner_id: userId,
      name,
      audience: [userId],
    });
    return toSpaceView(row, 'owner');
  }

  return {
    async create(actor: Actor, input: CreateSpaceInput): Promise<ContextSpace> {
      const { name } = createSpaceInputSchema.parse(input);
      const space = await insertSpace(actor, name);
      if (!space) throw new Error('The context space was not stored');
      return space;
    },

    /**
     * A run's own space, made on first use (of two racing first uses, one makes it and both get
     * it). Its owner is whoever the run acts as; anyone else is told it does not exist.
     */
    async forRun(actor: Actor, run: RunRef): Promise<ContextSpace> {
      const made = await insertSpace(actor, `${runNames[run.kind]} ${run.id}`, run);
      if (made) return made;
      const [row] = await db
        .select({ id: contextSpaces.id })
        .from(contextSpaces)
        .where(and(eq(contextSpaces.runKind, run.kind), eq(contextSpaces.runId, run.id)));
      if (!row) throw new ContextSpaceNotFoundError(run.id);
      const { space, role } = await loadSpace(db, actor, row.id, 'read');
      return toSpaceView(space, role);
    },

    /** The spaces the actor owns or is a member of, newest first. */
    async list(actor: Actor, input: ListSpacesInput): Promise<ContextSpacePage> {
      const { userId } = requireUser(actor);
      const { limit, cursor } = listSpacesInputSchema.parse(input);
      const membership = and(
        eq(contextMembers.spaceId, contextSpaces.id),
        eq(contextMembers.memberKind, 'user'),
        eq(contextMembers.memberId, userId),
      );
      const conditions: (SQL | undefined)[] = [
        or(
          eq(contextSpaces.ownerId, userId),
          exists(
            db
              .select({ one: sql`1` })
              .from(contextMembers)
              .where(membership),
          ),
        ),
      ];
      if (cursor) conditions.push(lt(contextSpaces.id, cursor));
      const rows = await db
        .select({ space: contextSpaces, memberRole: contextMembers.role })
        .from(contextSpaces)
        .leftJoin(contextMembers, membership)
        .where(and(...conditions))
        .orderBy(desc(contextSpaces.id))
        .limit(limit + 1);
      const shown = rows.slice(0, limit);
      return {
        items: shown.map(({ space, memberRole }) =>
          toSpaceView(space, space.ownerId === userId ? 'owner' : (memberRole ?? 'read')),
        ),
        next_cursor: rows.length > limit ? (shown.at(-1)?.space.id ?? null) : null,
      };
    },

    async get(actor: Actor, spaceId: string): Promise<ContextSpace> {
      const { space, role } = await loadSpace(db, actor, spaceId, 'read');
      return toSpaceView(space, role);
    },

    async rename(actor: Actor, spaceId: string, input: UpdateSpaceInput): Promise<ContextSpace> {
      const { role } = await loadSpace(db, actor, spaceId, 'admin');
      const { name } = updateSpaceInputSchema.parse(input);
      const [row] = await db
        .update(contextSpaces)
        .set({ name, updatedAt: clock.now() })
        .where(eq(contextSpaces.id, spaceId))
        .returning();
      if (!row) throw new ContextSpaceNotFoundError(spaceId);
      return toSpaceView(row, role);
    },

    /** Deletes the space with all its entries and their history. Only its owner may. */
    async delete(actor: Actor, spaceId: string): Promise<void> {
      const { space } = await loadSpace(db, actor, spaceId, 'owner');
      const audience = await audienceOf(db, space);
      await db.delete(contextSpaces).where(eq(contextSpaces.id, spaceId));
      await bus.publish(actor, 'context.space.deleted', {
        space_id: spaceId,
        owner_id: space.ownerId,
        audience,
      });
    },

    /**
     * Purges tombstones (deleted entries) older than `before`, with their whole history. The
     * hourly sweep calls it with the retention setting. Returns how many entries went.
     */
    async purgeTombstones({ before }: { before: Date }): Promise<number> {
      const purged = await db.execute(sql`
        with purged as (
          delete from ${contextEntries}
          where ${contextEntries.value} is null and ${contextEntries.updatedAt} < ${before.toISOString()}
          returning space_id, key
        ), versions as (
          delete from ${contextEntryVersions} as versions using purged
          where versions.space_id = purged.space_id and versions.key = purged.key
        )
        select key from purged`);
      return (purged as unknown as { rows: unknown[] }).rows.length;
    },
  };
}
