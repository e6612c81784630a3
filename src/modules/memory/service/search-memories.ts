import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
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
 * or — when the query has an embedding — whose embedding of the same model is close to it (an
 * exact cosine scan over `real[]`: the vectors are unit length, so cosine is their dot product).
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
  const tsQuery = sql`to_tsquery('english', ${words ?? ''})`;
  const fullText = sql<number>`ts_rank(${memories.search}, ${tsQuery}, 32)`;
  const trigram = sql<number>`similarity(${memories.text}, ${query})`;
  const cosine = embedding
    ? sql<number>`(select sum(a * b) from unnest(${memoryEmbeddings.vector}, ${toRealArray(embedding.vector)}) as pair(a, b))`
    : sql<number>`null`;
  const close = sql`(case when ${cosine} >= ${sql.raw(String(minCosine))} then ${cosine} else 0 end)`;
  const weight = (name: keyof typeof weights) => sql.raw(String(weights[name]));
  const score = sql<number>`(${weight('fullText')} * ${fullText} + ${weight('trigram')} * ${trigram}
    + ${weight('vector')} * coalesce(${close}, 0) + ${weight('importance')} * ${memories.importance})`;
  const matches: SQL[] = [sql`${memories.search} @@ ${tsQuery}`, sql`${memories.text} % ${query}`];
  if (embedding) matches.push(sql`${cosine} >= ${sql.raw(String(minCosine))}`);
  const base = db
    .select({ ...memoryColumns, score: sql<number>`${score}`.mapWith(Number).as('score') })
    .from(memories);
  const joined = embedding
    ? base.leftJoin(
        memoryEmbeddings,
        and(eq(memoryEmbeddings.memoryId, memories.id), eq(memoryEmbeddings.model, embedding.model)),
      )
    : base;
  return joined
    .where(
      and(inScope(ownerId, key), includeArchived ? undefined : isNull(memories.archivedAt), or(...matches)),
    )
    .orderBy(sql`score desc`, desc(memories.id))
    .limit(limit);
}

/** A vector as a Postgres `real[]` literal parameter. */
function toRealArray(vector: readonly number[]): SQL {
  return sql`${`{${vector.map((value) => (Number.isFinite(value) ? value : 0)).join(',')}}`}::real[]`;
}
