import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import type { Logger } from '../../../logger.js';

/**
 * How recall finds the embeddings near a query's: pgvector's cosine distance (`<=>`, an HNSW index
 * per dimension count), or, where the database has no pgvector, sign bits then the exact cosine over
 * `real[]` (search-memories.ts). Chosen once at start by `prepareVectorSearch`.
 */
export type VectorSearch = 'pgvector' | 'real-array';

/** pgvector's HNSW indexes `vector` up to this many dimensions; above, `<=>` scans the scope exactly. */
export const hnswMaxDims = 2000;

/** The pgvector copy of `memory_embeddings.vector`, a stored generated column added at start. */
export const pgvectorColumn = sql.raw('"memory_embeddings"."embedding"');

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/**
 * Uses pgvector where the database has the `vector` extension (created here when the role may):
 * adds `memory_embeddings.embedding`, generated from the `real[]` vector, so every embedding
 * already stored is carried over by Postgres itself (no embedding call) and every later write is
 * copied without a writer knowing. Otherwise, or with `enabled` false, the `real[]` path, said once
 * in the log.
 */
export async function prepareVectorSearch({
  db,
  logger,
  enabled,
}: {
  db: Database;
  logger: Logger;
  enabled: boolean;
}): Promise<VectorSearch> {
  if (!enabled) {
    logger.info('memory vectors: real[] with sign bits and exact cosine (MEMORY_PGVECTOR=false)');
    return 'real-array';
  }
  const [extension] = rowsOf<{ installed: string | null; available: string }>(
    await db.execute(sql`select installed_version as installed, default_version as available
      from pg_available_extensions where name = 'vector'`),
  );
  if (!extension) {
    logger.info('memory vectors: real[] with sign bits and exact cosine (this database has no pgvector)');
    return 'real-array';
  }
  const version = extension.installed ?? extension.available;
  if (!atLeast(version, minimumPgvector)) {
    logger.warn(
      { version, minimum: minimumPgvector.join('.') },
      'memory vectors: pgvector is older than 0.8 (no iterative index scans, so a user’s own memories could be missed); real[] with exact cosine instead',
    );
    return 'real-array';
  }
  try {
    // Twice: another instance starting at the same moment can win the race to create either.
    await retryOnce(async () => {
      if (!extension.installed) await db.execute(sql`create extension if not exists vector`);
      // Looked up first: the alter takes the table's exclusive lock even when the column is there.
      const [column] = rowsOf<{ present: boolean }>(
        await db.execute(sql`select true as present from pg_attribute
          where attrelid = 'memory_embeddings'::regclass and attname = 'embedding' and not attisdropped`),
      );
      if (!column) {
        // pgvector refuses what older versions stored: an empty or NaN vector would fail the alter
        // on every start. Their memories are embedded again by the sweep.
        await db.execute(sql`delete from memory_embeddings
          where cardinality(vector) = 0 or 'NaN'::real = any(vector)`);
        await db.execute(sql`alter table memory_embeddings add column if not exists embedding vector
          generated always as (vector::vector) stored`);
      }
    });
  } catch (error) {
    logger.warn(
      { err: error },
      'memory vectors: could not set up pgvector; real[] with exact cosine instead',
    );
    return 'real-array';
  }
  logger.info('memory vectors: pgvector');
  return 'pgvector';
}

/** `hnsw.iterative_scan` (0.8.0) lets a filtered search go past the first candidates to the scope's. */
const minimumPgvector = [0, 8, 0];

function atLeast(version: string, minimum: number[]): boolean {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (const [index, wanted] of minimum.entries()) {
    const part = parts[index] ?? 0;
    if (part !== wanted) return part > wanted;
  }
  return true;
}

async function retryOnce(attempt: () => Promise<void>): Promise<void> {
  try {
    await attempt();
  } catch {
    await attempt();
  }
}

/**
 * One HNSW index (cosine) per dimension count stored, partial on that count, so each indexes a
 * fixed-size `vector(n)` (HNSW cannot index vectors of mixed sizes). Built concurrently: writes go
 * on meanwhile, and recall scans exactly until it is ready. An index left invalid by an interrupted
 * build is dropped and built again — but no index is touched while a build is under way on the
 * table (another instance's, or this one's still running at the next sweep): an index being built
 * concurrently is invalid until it is done. Answers the dimension counts now indexed.
 */
export async function ensureVectorIndexes(db: Database, logger: Logger): Promise<number[]> {
  const [progress] = rowsOf<{ building: boolean }>(
    await db.execute(sql`select exists (select from pg_stat_progress_create_index
      where relid = 'memory_embeddings'::regclass) as building`),
  );
  if (progress?.building) return [];
  const present = rowsOf<{ dims: number }>(
    await db.execute(
      sql`select distinct dims from memory_embeddings where dims <= ${hnswMaxDims} order by dims`,
    ),
  );
  const indexed: number[] = [];
  for (const { dims } of present) {
    const name = `memory_embeddings_hnsw_${dims}`;
    const [existing] = rowsOf<{ valid: boolean }>(
      await db.execute(sql`select i.indisvalid as valid from pg_class c join pg_index i on i.indexrelid = c.oid
        where c.relname = ${name} and pg_table_is_visible(c.oid)`),
    );
    if (existing?.valid) {
      indexed.push(dims);
      continue;
    }
    if (existing) await db.execute(sql`drop index concurrently if exists ${sql.identifier(name)}`);
    const started = Date.now();
    await db.execute(sql`create index concurrently if not exists ${sql.identifier(name)} on memory_embeddings
      using hnsw ((embedding::vector(${sql.raw(String(dims))})) vector_cosine_ops) where dims = ${sql.raw(String(dims))}`);
    logger.info({ dims, ms: Date.now() - started }, 'memory vectors: built the HNSW index');
    indexed.push(dims);
  }
  return indexed;
}
