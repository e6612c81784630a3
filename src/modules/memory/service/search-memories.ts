import { and, desc, eq, isNotNull, isNull, or, type Placeholder, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/database.js';
import { memories, memoryEmbeddings } from '../table.js';
import { inScope, memoryColumns, type MemoryRecord, type ScopeKey } from './memory-record.js';
import { pgvectorColumn, type VectorSearch } from './pgvector.js';

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
 * How many of the scope's closest embeddings are vector candidates. With `real[]`, the closest by
 * sign bits get their exact cosine computed: below this many embeddings in the scope, the scan is
 * exact; above, a memory whose sign bits differ more than the 200th closest's is not a vector
 * candidate (it can still match by its words). With pgvector, the 200 closest by `<=>`.
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
 * The vector part is pgvector's cosine distance where the database has it (`vectorSearch`), else
 * two steps over `real[]`: the `vectorCandidates` embeddings whose sign bits differ least from the
 * query's (`bit_count(signs # query)`, a Hamming distance over 96 bytes for 768 dimensions), then
 * the exact cosine of each of those, computed once (the vectors are unit length, so cosine is their
 * dot product, a sum over `unnest` of the two `real[]`).
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
    vectorSearch,
  }: {
    ownerId: string;
    key: ScopeKey;
    query: string;
    limit: number;
    includeArchived?: boolean;
    embedding?: { model: string; vector: readonly number[] } | undefined;
    vectorSearch: VectorSearch;
  },
): Promise<ScoredRecord[]> {
  const words = anyWordQuery(query);
  if (!words && !embedding) return [];
  const search = { ownerId, key, query, words, limit, includeArchived, embedding, vectorSearch };
  if (embedding && vectorSearch === 'pgvector')
    return db.transaction(async (tx) => {
      // HNSW hands over candidates in distance order before the scope's filters: an iterative scan
      // goes on past ef_search until the 200 of the scope are found (or 20,000 were read).
      await tx.execute(sql`select set_config('hnsw.ef_search', ${String(vectorCandidates)}, true),
        set_config('hnsw.iterative_scan', 'strict_order', true)`);
      return hybridSearch(tx, search);
    });
  return hybridSearch(db, search);
}

async function hybridSearch(
  db: Database,
  {
    ownerId,
    key,
    query,
    words,
    limit,
    includeArchived,
    embedding,
    vectorSearch,
  }: {
    ownerId: string;
    key: ScopeKey;
    query: string;
    words: string | undefined;
    limit: number;
    includeArchived: boolean;
    embedding: { model: string; vector: readonly number[] } | undefined;
    vectorSearch: VectorSearch;
  },
): Promise<ScoredRecord[]> {
  if (!embedding)
    return wordSearchOf(db, includeArchived).execute({
      ownerId,
      scope: key.scope,
      scopeId: key.scopeId,
      words: words ?? '',
      query,
      limit,
    });
  const active = includeArchived ? undefined : isNull(memories.archivedAt);
  const { scoreOf, wordMatch } = scoring(words ?? '', query);
  // Two branches, each scored once: the word matches (found through the GIN indexes), with their
  // cosine when they are also near; and the near memories that match no word. An OR of the two in
  // one WHERE would test every memory of the scope; a union of ids joined back to memories read
  // every memory of the scope again to find the candidates' rows.
  const nearest = vectorSearch === 'pgvector' ? nearestByPgvector : nearestBySignBits;
  const near = db.$with('near').as(nearest(db, { ownerId, key, includeArchived, embedding }));
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

type Value = string | Placeholder;

/** The score of a memory for a query (`cosine`: its vector's part) and the test of a word match. */
function scoring(words: Value, query: Value) {
  const tsQuery = sql`to_tsquery('english', ${words})`;
  const fullText = sql<number>`ts_rank(${memories.search}, ${tsQuery}, 32)`;
  const trigram = sql<number>`similarity(${memories.text}, ${query})`;
  const weight = (name: keyof typeof weights) => sql.raw(String(weights[name]));
  const scoreOf = (cosine: SQL) =>
    sql<number>`(${weight('fullText')} * ${fullText} + ${weight('trigram')} * ${trigram}
    + ${weight('vector')} * ${cosine} + ${weight('importance')} * ${memories.importance})`
      .mapWith(Number)
      .as('score');
  const wordMatch = or(sql`${memories.search} @@ ${tsQuery}`, sql`${memories.text} % ${query}`);
  return { scoreOf, wordMatch };
}

/** The word-only searches of each database (no embedding: every chat turn's recall, when none is configured). */
const wordSearches = new WeakMap<Database, Map<boolean, ReturnType<typeof prepareWordSearch>>>();

function wordSearchOf(db: Database, includeArchived: boolean) {
  let byArchived = wordSearches.get(db);
  if (!byArchived) wordSearches.set(db, (byArchived = new Map()));
  let prepared = byArchived.get(includeArchived);
  if (!prepared) byArchived.set(includeArchived, (prepared = prepareWordSearch(db, includeArchived)));
  return prepared;
}

/** The search without an embedding, built once and parsed once a connection (a named prepared statement). */
function prepareWordSearch(db: Database, includeArchived: boolean) {
  const { scoreOf, wordMatch } = scoring(sql.placeholder('words'), sql.placeholder('query'));
  return db
    .select({ ...memoryColumns, score: scoreOf(sql`0`) })
    .from(memories)
    .where(
      and(
        eq(memories.ownerId, sql.placeholder('ownerId')),
        eq(memories.scope, sql.placeholder('scope')),
        eq(memories.scopeId, sql.placeholder('scopeId')),
        includeArchived ? undefined : isNull(memories.archivedAt),
        wordMatch,
      ),
    )
    .orderBy(sql`score desc`, desc(memories.id))
    .limit(sql.placeholder('limit'))
    .prepare(`recall_words${includeArchived ? '_with_archived' : ''}`);
}

interface NearestInput {
  ownerId: string;
  key: ScopeKey;
  includeArchived: boolean;
  embedding: { model: string; vector: readonly number[] };
}

/** The scope's embeddings of the query's model and size, not archived unless asked (the copy beside the vector). */
function embeddingsInScope({ ownerId, key, includeArchived, embedding }: NearestInput) {
  return and(
    eq(memoryEmbeddings.ownerId, ownerId),
    eq(memoryEmbeddings.scope, key.scope),
    eq(memoryEmbeddings.scopeId, key.scopeId),
    eq(memoryEmbeddings.model, embedding.model),
    includeArchived ? undefined : sql`not ${memoryEmbeddings.archived}`,
  );
}

/**
 * The scope's memories whose embedding has cosine ≥ `minCosine` with the query's, among the
 * `vectorCandidates` closest by pgvector's cosine distance: through the HNSW index of the query's
 * dimension count (partial on `dims = n`, hence the literal) when the planner finds it worth it,
 * else an exact scan of the scope's embeddings (few of them, or no index yet).
 */
function nearestByPgvector(db: Database, input: NearestInput) {
  const dims = sql.raw(String(input.embedding.vector.length));
  const queryVector = `[${input.embedding.vector.map((value) => (Number.isFinite(value) ? value : 0)).join(',')}]`;
  const closest = db
    .select({
      memoryId: memoryEmbeddings.memoryId,
      distance: sql<number>`${pgvectorColumn}::vector(${dims}) <=> ${queryVector}::vector(${dims})`.as(
        'distance',
      ),
    })
    .from(memoryEmbeddings)
    .where(and(embeddingsInScope(input), sql`${memoryEmbeddings.dims} = ${dims}`))
    .orderBy(sql`distance`)
    .limit(vectorCandidates)
    .as('scored');
  const cosine = sql<number>`1 - ${closest.distance}`;
  return db
    .select({ memoryId: closest.memoryId, cosine: cosine.as('cosine') })
    .from(closest)
    .where(sql`${cosine} >= ${sql.raw(String(minCosine))}`);
}

/**
 * The scope's memories whose embedding has cosine ≥ `minCosine` with the query's, among the
 * `vectorCandidates` closest by sign bits. `offset 0` keeps Postgres from inlining the subquery,
 * which would compute the cosine again wherever it is used.
 */
function nearestBySignBits(db: Database, input: NearestInput) {
  const { embedding } = input;
  // One narrow table, no join: the owner, scope and archived flag are kept beside the signs (read
  // through memory_embeddings_recall_idx). The sort carries ids only: the vectors (3 KB each at 768
  // dimensions, stored out of line) are read for the 200 kept.
  const closest = db
    .select({ memoryId: memoryEmbeddings.memoryId })
    .from(memoryEmbeddings)
    .where(
      and(
        embeddingsInScope(input),
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
