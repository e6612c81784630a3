import { and, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/database.js';
import { memories, memoryEmbeddings } from '../table.js';
import { inScope, memoryColumns, type MemoryRecord, type ScopeKey } from './memory-record.js';

/** A memory found for a query, with its combined score (higher is more relevant). */
export type ScoredRecord = MemoryRecord & { score: number };

/**
 * How much each signal weighs: full text (ts_rank normalized to 0–1, about 0.05–0.2 for a short
 * fact sharing a word or two), trigram similarity (0–1), cosine (0–1, only from `minCosine`) and
 * importance (1–5, a tie-breaker).
 */
const weights = { fullText: 2, trigram: 0.5, vector: 0.5, importance: 0.01 } as const;
/** Below this, embeddings call two texts unrelated (unrelated sentences score about 0.1–0.25). */
const minCosine = 0.35;
/**
 * How many of the scope's embeddings, the closest by sign bits, get their exact cosine computed.
 * Below this many embeddings in the scope, the scan is exact; above, a memory whose sign bits differ
 * more than the 200th closest's is not a vector candidate (it can still match by its words).
 */
export const vectorCandidates = 200;

/** One bit per dimension, 1 where the value is positive: the `signs` of memory_embeddings. */
export function signBits(vector: readonly number[]): string {
  return vector.map((value) => (value > 0 ? '1' : '0')).join('');
}

/**
 * The query's words as an OR full-text query ("who is my manager?" → `who | is | my | manager`):
 * english stemming folds "managers" onto "manager" and drops stop words. Undefined without words.
 */
export function anyWordQuery(query: string): string | undefined {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words)].slice(0, 64);
  return unique.length > 0 ? unique.join(' | ') : undefined;
}

/**
 * Hybrid recall in one statement: memories of the scope that share a word with the query (full
 * text, ranked by ts_rank), or whose text is trigram-similar to it (pg_trgm, for misspellings),
 * or — when the query has an embedding — whose embedding of the same model is close to it.
 *
 * The vector part has two steps: the `vectorCandidates` embeddings whose sign bits differ least
 * from the query's (`bit_count(signs # query)`, a Hamming distance over 96 bytes for 768
 * dimensions), then the exact cosine of each of those, computed once (the vectors are unit length,
 * so cosine is their dot product, a sum over `unnest` of the two `real[]`).
 */
export async function searchMemories(
  db: Database,
  {
    ownerId,
    key,
    query,
    limit,
    includeArchived = false,
    embedding,
  }: {
    ownerId: string;
    key: ScopeKey;
    query: string;
    limit: number;
    includeArchived?: boolean;
    embedding?: { model: string; vector: readonly number[] } | undefined;
  },
): Promise<ScoredRecord[]> {
  const words = anyWordQuery(query);
  if (!words && !embedding) return [];
  const active = includeArchived ? undefined : isNull(memories.archivedAt);
  const tsQuery = sql`to_tsquery('english', ${words ?? ''})`;
  const fullText = sql<number>`ts_rank(${memories.search}, ${tsQuery}, 32)`;
  const trigram = sql<number>`similarity(${memories.text}, ${query})`;
  const weight = (name: keyof typeof weights) => sql.raw(String(weights[name]));
  const scoreOf = (cosine: SQL) =>
    sql<number>`(${weight('fullText')} * ${fullText} + ${weight('trigram')} * ${trigram}
    + ${weight('vector')} * ${cosine} + ${weight('importance')} * ${memories.importance})`
      .mapWith(Number)
      .as('score');
  const wordMatch = or(sql`${memories.search} @@ ${tsQuery}`, sql`${memories.text} % ${query}`);
  if (!embedding)
    return db
      .select({ ...memoryColumns, score: scoreOf(sql`0`) })
      .from(memories)
      .where(and(inScope(ownerId, key), active, wordMatch))
      .orderBy(sql`score desc`, desc(memories.id))
      .limit(limit);
  // Two branches, each scored once: the word matches (found through the GIN indexes), with their
  // cosine when they are also near; and the near memories that match no word. An OR of the two in
  // one WHERE would test every memory of the scope; a union of ids joined back to memories read
  // every memory of the scope again to find the candidates' rows.
  const near = db.$with('near').as(nearestEmbeddings(db, { ownerId, key, includeArchived, embedding }));
  const matched = db
    .select({ ...memoryColumns, score: scoreOf(sql`coalesce(${near.cosine}, 0)`) })
    .from(memories)
    .leftJoin(near, eq(near.memoryId, memories.id))
    .where(and(inScope(ownerId, key), active, wordMatch));
  const nearOnly = db
    .select({ ...memoryColumns, score: scoreOf(sql`${near.cosine}`) })
    .from(near)
    .innerJoin(memories, eq(memories.id, near.memoryId))
    // The scope and archived checks again, on the memory itself: the copy beside the vector only
    // narrows, it never decides whose memory is shown.
    .where(and(inScope(ownerId, key), active, sql`not coalesce(${wordMatch}, false)`));
  const found = unionAll(matched, nearOnly).as('found');
  return db
    .with(near)
    .select()
    .from(found)
    .orderBy(sql`${found.score} desc`, desc(found.id))
    .limit(limit);
}

/**
 * The scope's memories whose embedding has cosine ≥ `minCosine` with the query's, among the
 * `vectorCandidates` closest by sign bits. `offset 0` keeps Postgres from inlining the subquery,
 * which would compute the cosine again wherever it is used.
 */
function nearestEmbeddings(
  db: Database,
  {
    ownerId,
    key,
    includeArchived,
    embedding,
  }: {
    ownerId: string;
    key: ScopeKey;
    includeArchived: boolean;
    embedding: { model: string; vector: readonly number[] };
  },
) {
  // One narrow table, no join: the owner, scope and archived flag are kept beside the signs (read
  // through memory_embeddings_recall_idx). The sort carries ids only: the vectors (3 KB each at 768
  // dimensions, stored out of line) are read for the 200 kept.
  const closest = db
    .select({ memoryId: memoryEmbeddings.memoryId })
    .from(memoryEmbeddings)
    .where(
      and(
        eq(memoryEmbeddings.ownerId, ownerId),
        eq(memoryEmbeddings.scope, key.scope),
        eq(memoryEmbeddings.scopeId, key.scopeId),
        eq(memoryEmbeddings.model, embedding.model),
        includeArchived ? undefined : sql`not ${memoryEmbeddings.archived}`,
        eq(memoryEmbeddings.dims, embedding.vector.length),
        isNotNull(memoryEmbeddings.signs),
      ),
    )
    .orderBy(sql`bit_count(${memoryEmbeddings.signs} # ${signBits(embedding.vector)}::varbit)`)
    .limit(vectorCandidates)
    .as('closest');
  const cosine = sql<number>`(select sum(a * b) from unnest(${memoryEmbeddings.vector}, ${toRealArray(embedding.vector)}) as pair(a, b))`;
  const scored = db
    .select({ memoryId: closest.memoryId, cosine: cosine.as('cosine') })
    .from(closest)
    .innerJoin(
      memoryEmbeddings,
      and(eq(memoryEmbeddings.memoryId, closest.memoryId), eq(memoryEmbeddings.model, embedding.model)),
    )
    .offset(0)
    .as('scored');
  return db
    .select({ memoryId: scored.memoryId, cosine: scored.cosine })
    .from(scored)
    .where(sql`${scored.cosine} >= ${sql.raw(String(minCosine))}`);
}

/** A vector as a Postgres `real[]` literal parameter. */
function toRealArray(vector: readonly number[]): SQL {
  return sql`${`{${vector.map((value) => (Number.isFinite(value) ? value : 0)).join(',')}}`}::real[]`;
}
