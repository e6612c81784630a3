import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { memories, memoryEmbeddings } from '../table.js';
import { memoryColumns, type MemoryRecord } from './memory-record.js';

/**
 * memory_embeddings keeps a copy of its memory's owner, scope and archived flag (so recall's first
 * step reads one table). These statements are the only writers of that copy; memories is the truth.
 */

/**
 * Copies owner, scope and archived from `memories` onto the embeddings `which` selects. Run after
 * the embeddings are inserted: a memory archived meanwhile is copied as archived.
 */
export async function copyMemoryFields(db: Database, which: SQL): Promise<number> {
  const copied = await db
    .update(memoryEmbeddings)
    .set({
      ownerId: sql`${memories.ownerId}`,
      scope: sql`${memories.scope}`,
      scopeId: sql`${memories.scopeId}`,
      archived: sql`${memories.archivedAt} is not null`,
    })
    .from(memories)
    .where(and(eq(memories.id, memoryEmbeddings.memoryId), which))
    .returning({ memoryId: memoryEmbeddings.memoryId });
  return copied.length;
}

/** The embeddings of these memories (every model). */
export function embeddingsOf(memoryIds: readonly string[]): SQL {
  return inArray(memoryEmbeddings.memoryId, [...memoryIds]);
}

/**
 * The sweep: copies the fields onto up to `limit` embeddings stored before the columns existed.
 * Answers how many it filled.
 */
export async function fillMissingMemoryFields(db: Database, limit: number): Promise<number> {
  const missing = db
    .select({ memoryId: memoryEmbeddings.memoryId })
    .from(memoryEmbeddings)
    .where(isNull(memoryEmbeddings.ownerId))
    .limit(limit);
  return copyMemoryFields(
    db,
    and(isNull(memoryEmbeddings.ownerId), inArray(memoryEmbeddings.memoryId, missing)) as SQL,
  );
}

/**
 * Sets `archived_at` on the memories `which` selects and the `archived` flag of their embeddings,
 * in one statement (data-modifying CTEs: both or neither, nothing in between for a recall to see).
 * Answers the memories changed, as they are now.
 */
export async function setMemoriesArchived(
  db: Database,
  { which, archivedAt }: { which: SQL; archivedAt: Date | null },
): Promise<MemoryRecord[]> {
  const changed = db
    .$with('changed')
    .as(db.update(memories).set({ archivedAt }).where(which).returning(memoryColumns));
  const flagged = db.$with('flagged').as(
    db
      .update(memoryEmbeddings)
      .set({ archived: archivedAt !== null })
      .where(inArray(memoryEmbeddings.memoryId, db.select({ id: changed.id }).from(changed)))
      .returning({ memoryId: memoryEmbeddings.memoryId }),
  );
  return db.with(changed, flagged).select().from(changed);
}
