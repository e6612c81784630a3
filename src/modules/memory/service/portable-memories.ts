import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { type Memory, type PortableMemory, portableMemorySchema } from '../schema.js';
import { memories } from '../table.js';
import {
  inScope,
  memoryColumns,
  memoryIdFrom,
  normalizeFact,
  scopeKeyOf,
  toMemory,
} from './memory-record.js';

/** What the export file needs of the memory service: all of a user's memories out, one in at a time. */
export function createPortableMemories({
  db,
  clock,
  ids,
  bus,
  embed,
}: ServiceDeps & { embed: (rows: readonly { id: string; text: string }[]) => Promise<number> }) {
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
     * Keeps an exported memory as a new one of the actor's. The same fact already kept in its scope
     * (archived or not) is left as it is and answered with `created: false`: an import never
     * changes a memory you have. A user scope is the actor's own.
     */
    async importMemory(actor: Actor, input: PortableMemory): Promise<{ memory: Memory; created: boolean }> {
      const user = requireUser(actor);
      const item = portableMemorySchema.parse(input);
      const key = scopeKeyOf(user, item);
      const normalized = normalizeFact(item.text);
      const [same] = await db
        .select(memoryColumns)
        .from(memories)
        .where(and(inScope(user.userId, key), eq(memories.normalized, normalized)))
        .limit(1);
      if (same) return { memory: toMemory(same), created: false };
      const now = clock.now();
      const [row] = await db
        .insert(memories)
        .values({
          id: memoryIdFrom(ids()),
          ownerId: user.userId,
          scope: key.scope,
          scopeId: key.scopeId,
          text: item.text,
          normalized,
          sourceKind: item.source.kind,
          sourceId: item.source.id,
          tags: [...new Set(item.tags)],
          importance: item.importance,
          createdAt: new Date(item.created_at),
          updatedAt: now,
          archivedAt: item.archived ? now : null,
        })
        .returning(memoryColumns);
      if (!row) throw new Error('The memory was not stored');
      await embed([row]);
      await bus.publish(actor, 'memory.created', {
        memory_id: row.id,
        owner_id: user.userId,
        scope: row.scope,
        scope_id: row.scopeId,
      });
      return { memory: toMemory(row), created: true };
    },
  };
}
