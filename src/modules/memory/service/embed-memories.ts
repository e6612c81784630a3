import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../../../clock.js';
import type { Database } from '../../../db/database.js';
import type { Logger } from '../../../logger.js';
import type { Embedder } from '../../../models/embedding-model.js';
import { memories, memoryEmbeddings } from '../table.js';
import { copyMemoryFields, embeddingsOf } from './embedding-fields.js';
import { signBits } from './search-memories.js';

/**
 * Stores each memory's embedding for the embedder's model: one call for all of them, and never
 * again for a memory that has one (the primary key is the memory and the model). A failure is
 * logged, not thrown: the memory is kept and the sweep embeds it later.
 */
export async function embedMemories(
  { db, clock, logger, embedder }: { db: Database; clock: Clock; logger: Logger; embedder: Embedder },
  rows: readonly { id: string; text: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  try {
    const vectors = await embedder.embed(rows.map((row) => row.text));
    const values = rows.flatMap((row, index) => {
      const vector = vectors[index];
      // pgvector refuses an empty vector or a NaN (and no cosine can be made of them): not stored.
      return vector && vector.length > 0 && vector.every(Number.isFinite)
        ? [
            {
              memoryId: row.id,
              model: embedder.model,
              dims: vector.length,
              vector,
              signs: signBits(vector),
              createdAt: clock.now(),
            },
          ]
        : [];
    });
    if (values.length > 0) {
      await db.insert(memoryEmbeddings).values(values).onConflictDoNothing();
      await copyMemoryFields(
        db,
        and(
          embeddingsOf(values.map((value) => value.memoryId)),
          eq(memoryEmbeddings.model, embedder.model),
        ) as SQL,
      );
    }
    return values.length;
  } catch (error) {
    logger.warn({ err: error, model: embedder.model }, 'could not embed memories; the sweep tries again');
    return 0;
  }
}

/** Memories (any owner's) without an embedding of the embedder's model, oldest first. */
export async function memoriesWithoutEmbedding(
  db: Database,
  model: string,
  limit: number,
): Promise<{ id: string; text: string }[]> {
  return db
    .select({ id: memories.id, text: memories.text })
    .from(memories)
    .leftJoin(
      memoryEmbeddings,
      and(eq(memoryEmbeddings.memoryId, memories.id), eq(memoryEmbeddings.model, model)),
    )
    .where(and(isNull(memoryEmbeddings.memoryId), isNull(memories.archivedAt)))
    .orderBy(sql`${memories.id}`)
    .limit(limit);
}

/**
 * Fills `signs` for up to `limit` embeddings stored before the column existed (the sweep), from
 * their stored vector: no embedding call. Answers how many it filled.
 */
export async function fillMissingSigns(db: Database, limit: number): Promise<number> {
  const missing = db
    .select({ memoryId: memoryEmbeddings.memoryId, model: memoryEmbeddings.model })
    .from(memoryEmbeddings)
    .where(isNull(memoryEmbeddings.signs))
    .limit(limit);
  const filled = await db
    .update(memoryEmbeddings)
    .set({
      signs: sql`(select string_agg(case when value > 0 then '1' else '0' end, '' order by position)
        from unnest(${memoryEmbeddings.vector}) with ordinality as element(value, position))::varbit`,
    })
    .where(
      and(
        isNull(memoryEmbeddings.signs),
        sql`(${memoryEmbeddings.memoryId}, ${memoryEmbeddings.model}) in ${missing}`,
      ),
    )
    .returning({ memoryId: memoryEmbeddings.memoryId });
  return filled.length;
}
