import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Database } from '../../../db/database.js';
import type { Logger } from '../../../logger.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { type Memory, type PortableMemory, portableMemorySchema } from '../schema.js';
import { memories } from '../table.js';
import { memoryColumns, memoryIdFrom, normalizeFact, scopeKeyOf, toMemory } from './memory-record.js';

/** What became of each memory of an import, in the order given. */
export type ImportedMemory = { memory: Memory; created: true } | { memoryId: string; created: false };

const batchSize = 1000;

/** What the export file needs of the memory service: all of a user's memories out, many in at once. */
export function createPortableMemories({
  db,
  clock,
  ids,
  bus,
  logger,
  embed,
}: ServiceDeps & {
  logger: Logger;
  embed: (rows: readonly { id: string; text: string }[]) => Promise<number>;
}) {
  return {
    /** Every memory the actor owns, in every scope, archived ones too, oldest first. */
    async exportMemories(actor: Actor): Promise<PortableMemory[]> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select(memoryColumns)
        .from(memories)
        .where(eq(memories.ownerId, userId))
        .orderBy(asc(memories.id));
      return rows.map((row) => ({
        id: row.id,
        scope: row.scope,
        scope_id: row.scopeId,
        text: row.text,
        tags: row.tags,
        importance: row.importance,
        source: { kind: row.sourceKind, id: row.sourceId },
        archived: row.archivedAt !== null,
        created_at: row.createdAt.toISOString(),
      }));
    },

    /**
     * Keeps exported memories as new ones of the actor's, all or none (one transaction). A fact
     * already kept in its scope (archived or not), or given twice, is left as it is and answered
     * with `created: false`: an import never changes a memory you have. A user scope is the
     * actor's own. Publishes one `memory.imported`; embeds the new ones in batches.
     */
    async importMemories(actor: Actor, input: readonly PortableMemory[]): Promise<ImportedMemory[]> {
      const user = requireUser(actor);
      const items = input.map((item) => {
        const parsed = portableMemorySchema.parse(item);
        const key = scopeKeyOf(user, parsed);
        const normalized = normalizeFact(parsed.text);
        return { parsed, key, normalized, slot: `${key.scope}\u0001${key.scopeId}\u0001${normalized}` };
      });
      const now = clock.now();
      const { results, created } = await db.transaction(async (transaction) => {
        const known = new Map<string, string>();
        for (let start = 0; start < items.length; start += batchSize) {
          const normalized = items.slice(start, start + batchSize).map((item) => item.normalized);
          const rows = await transaction
            .select({
              id: memories.id,
              scope: memories.scope,
              scopeId: memories.scopeId,
              normalized: memories.normalized,
            })
            .from(memories)
            .where(and(eq(memories.ownerId, user.userId), inArray(memories.normalized, normalized)));
          for (const row of rows)
            known.set(`${row.scope}\u0001${row.scopeId}\u0001${row.normalized}`, row.id);
        }
        const results: { memoryId: string; fresh: boolean }[] = [];
        const values: (typeof memories.$inferInsert)[] = [];
        for (const { parsed, key, normalized, slot } of items) {
          const same = known.get(slot);
          if (same !== undefined) {
            results.push({ memoryId: same, fresh: false });
            continue;
          }
          const id = memoryIdFrom(ids());
          known.set(slot, id);
          results.push({ memoryId: id, fresh: true });
          values.push({
            id,
            ownerId: user.userId,
            scope: key.scope,
            scopeId: key.scopeId,
            text: parsed.text,
            normalized,
            sourceKind: parsed.source.kind,
            sourceId: parsed.source.id,
            tags: [...new Set(parsed.tags)],
            importance: parsed.importance,
            createdAt: new Date(parsed.created_at),
            updatedAt: now,
            archivedAt: parsed.archived ? now : null,
          });
        }
        const created = new Map<string, Memory>();
        for (let start = 0; start < values.length; start += batchSize) {
          const rows = await transaction
            .insert(memories)
            .values(values.slice(start, start + batchSize))
            .returning(memoryColumns);
          for (const row of rows) created.set(row.id, toMemory(row));
        }
        return { results, created };
      });
      try {
        for (let start = 0; start < created.size; start += 100)
          await embed([...created.values()].slice(start, start + 100));
        if (created.size > 0)
          await bus.publish(actor, 'memory.imported', { owner_id: user.userId, count: created.size });
      } catch (error) {
        // The caller never learns of these memories, so nothing would undo them: take them back
        // (one statement) before failing. No one was told they existed, so no event either.
        await deleteOwned(db, user.userId, [...created.keys()]);
        throw error;
      }
      return results.map(({ memoryId, fresh }): ImportedMemory => {
        const memory = fresh ? created.get(memoryId) : undefined;
        return memory ? { memory, created: true } : { memoryId, created: false };
      });
    },

    /**
     * Deletes the actor's memories among `memoryIds` (an import taken back) in one transaction, then
     * publishes `memory.deleted` for each. Ids that are not the actor's are left alone. A failure to
     * publish is logged: the memories are gone either way. Answers the ids deleted.
     */
    async forgetMany(actor: Actor, memoryIds: readonly string[]): Promise<string[]> {
      const { userId } = requireUser(actor);
      const deleted = await deleteOwned(db, userId, memoryIds);
      for (const memoryId of deleted)
        await bus
          .publish(actor, 'memory.deleted', { memory_id: memoryId, owner_id: userId })
          .catch((error: unknown) =>
            logger.warn({ err: error, memoryId }, 'could not publish memory.deleted'),
          );
      return deleted;
    },
  };
}

/** Deletes the owner's memories among `memoryIds` in one transaction; answers the ids deleted. */
async function deleteOwned(db: Database, ownerId: string, memoryIds: readonly string[]): Promise<string[]> {
  if (memoryIds.length === 0) return [];
  return db.transaction(async (transaction) => {
    const deleted: string[] = [];
    for (let start = 0; start < memoryIds.length; start += batchSize) {
      const rows = await transaction
        .delete(memories)
        .where(
          and(eq(memories.ownerId, ownerId), inArray(memories.id, memoryIds.slice(start, start + batchSize))),
        )
        .returning({ id: memories.id });
      deleted.push(...rows.map((row) => row.id));
    }
    return deleted;
  });
}
