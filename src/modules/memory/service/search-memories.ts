import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { memories, memoryEmbeddings } from '../table.js';
import { inScope, memoryColumns, type MemoryRecord, type ScopeKey } from './memory-record.js';

/** A memory found for a query, with its combined score (higher is more relevant). */
export type ScoredRecord = MemoryRecord & { score: number };

/** How much each signal weighs: full text (0–1), trigram similarity (0–1), cosine (−1–1), importance (1–5). */
const weights = { fullText: 1, trigram: 0.5, vector: 0.6, importance: 0.01 } as const;

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
 * or — when the query has an embedding — any with an embedding of the same model (an exact cosine
 * scan over `real[]`: the vectors are unit length, so cosine is their dot product).
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
  const weight = (name: keyof typeof weights) => sql.raw(String(weights[name]));
  const score = sql<number>`(${weight('fullText')} * ${fullText} + ${weight('trigram')} * ${trigram}
    + ${weight('vector')} * coalesce(${cosine}, 0) + ${weight('importance')} * ${memories.importance})`;
  const matches: SQL[] = [sql`${memories.search} @@ ${tsQuery}`, sql`${memories.text} % ${query}`];
  if (embedding) matches.push(sql`${memoryEmbeddings.memoryId} is not null`);
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
