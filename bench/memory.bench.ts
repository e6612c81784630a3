/**
 * Long-term memory: recall latency for one user holding 1k, 10k and 100k memories (the sizes in
 * BENCH_MEMORY_SIZES), with full text + trigram alone and with vectors (BENCH_MEMORY_DIMS
 * dimensions, random unit vectors: the cost does not depend on what the vectors mean), and the
 * token cost of a recall in the system prompt (MEMORY_RECALL_TOKENS default 500; o200k tokens).
 *
 * Vectors are searched both ways in the same run, query by query in alternating order, on the same
 * rows: `real[]` (the 200 closest by sign bits, then their exact cosine) and, where the database
 * has pgvector, `<=>` through the HNSW index (its build time is reported). Each size also plants 10
 * neighbours at cosines 0.40–0.85 around each of 5 queries and counts how many each path finds.
 *
 * Memories are written straight into the table in batches (the service's remember, one at a time,
 * would take minutes for 100k); recall goes through the same search the chat uses.
 */
import { countTokens } from 'gpt-tokenizer';
import { actingAs, systemActor } from '../src/actor.js';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { unitLength } from '../src/models/embedding-model.js';
import { ensureVectorIndexes, type VectorSearch } from '../src/modules/memory/service/pgvector.js';
import { searchMemories, signBits } from '../src/modules/memory/service/search-memories.js';
import { memories, memoryEmbeddings } from '../src/modules/memory/table.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { seededMemoryRow } from '../test/helpers/memory-rows.js';

export const title =
  'Memory: recall p50 for one user, full text + trigram, and with vectors (real[] sign bits then exact cosine; pgvector HNSW)';
const sizes = (process.env.BENCH_MEMORY_SIZES ?? '1000,10000,100000').split(',').map(Number);
const dims = Number(process.env.BENCH_MEMORY_DIMS ?? 768);
const queriesPerSize = 40;
export const subtitle = `(${queriesPerSize} queries per size after 5 warm-ups, ${dims}-dimension vectors, Node ${process.version})`;

const subjects = [
  'My manager',
  'The dentist',
  'Our landlord',
  'The team lead',
  'My sister',
  'The accountant',
  'Our neighbour',
  'The coach',
];
const verbs = ['prefers', 'asked about', 'booked', 'forgot', 'recommended', 'cancelled', 'moved', 'paid for'];
const things = [
  'the Lisbon trip',
  'a standup at 9:30',
  'the blue Corolla',
  'peanut-free snacks',
  'the cabin wifi',
  'project Falcon',
  'violin lessons',
  'the tax folder',
  'British spelling',
  'the staging server',
];
const when = [
  'on Monday',
  'in March',
  'every weekday',
  'last week',
  'next spring',
  'at the weekend',
  'before noon',
  'after the review',
];
const queries = [
  'who is my manager?',
  'when is the standup?',
  'what about the Lisbon trip?',
  'cabin wifi password',
  'who paid for the tax folder',
  'violin lessons on Monday?',
  'what did the coach recommend',
  'project falcon deadline',
];

const pick = <T>(list: readonly T[], seed: number): T => list[seed % list.length] as T;
const factFor = (index: number) =>
  `${pick(subjects, index)} ${pick(verbs, Math.floor(index / 8))} ${pick(things, Math.floor(index / 64))} ${pick(when, Math.floor(index / 640))} (note ${index})`;
const randomVector = () => unitLength(Array.from({ length: dims }, () => Math.random() - 0.5));
const dot = (one: readonly number[], other: readonly number[]) =>
  one.reduce((sum, value, index) => sum + value * (other[index] ?? 0), 0);
/** A unit vector whose cosine with `query` is exactly `cosine`. */
function plantedNear(query: number[], cosine: number): number[] {
  const noise = randomVector();
  const along = dot(noise, query);
  const orthogonal = unitLength(noise.map((value, index) => value - along * (query[index] ?? 0)));
  const side = Math.sqrt(1 - cosine * cosine);
  return query.map((value, index) => cosine * value + side * (orthogonal[index] ?? 0));
}
const plantedCosines = Array.from({ length: 10 }, (_, index) => 0.4 + index * 0.05);
const plantedQueries = 5;
const median = (durations: number[]) =>
  ([...durations].sort((one, other) => one - other)[Math.floor(durations.length / 2)] ?? 0).toFixed(1);

export async function run(): Promise<Record<string, string | number>[]> {
  const database = await createScratchPostgres();
  const parsed = parseConfig({ databaseUrl: database.url, port: '0', logLevel: 'silent' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const app = await createApp({
    config: parsed.config,
    logger: createLogger({ level: 'silent' }),
    command: 'bench',
  });
  const rows: Record<string, string | number>[] = [];
  try {
    const user = await app.identity.users.create(systemActor, {
      email: 'bench@example.com',
      password: 'correct horse battery',
      name: 'Bench',
      role: 'user',
    });
    const actor = actingAs({ userId: user.id, role: 'user' });
    const key = { scope: 'user' as const, scopeId: user.id };
    const db = app.database.db;
    const paths: VectorSearch[] =
      app.memories.vectorSearch === 'pgvector' ? ['real-array', 'pgvector'] : ['real-array'];
    const logger = createLogger({ level: 'silent' });
    const store = async (values: ReturnType<typeof seededMemoryRow>[], vectors: number[][], now: Date) => {
      await db.insert(memories).values(values);
      await db.insert(memoryEmbeddings).values(
        values.map((value, index) => {
          const vector = vectors[index] ?? randomVector();
          return {
            memoryId: value.id,
            model: 'bench',
            dims,
            vector,
            signs: signBits(vector),
            ownerId: user.id,
            scope: 'user' as const,
            scopeId: user.id,
            createdAt: now,
          };
        }),
      );
    };
    const search = (vectorSearch: VectorSearch, query: string, vector: number[] | undefined) =>
      searchMemories(db, {
        ownerId: user.id,
        key,
        query,
        limit: 20,
        ...(vector ? { embedding: { model: 'bench', vector } } : {}),
        vectorSearch,
      });
    let written = 0;
    for (const size of sizes) {
      // Built again at each size (the time a first start with this many embeddings takes), not
      // kept up to date through the inserts (much slower).
      if (paths.includes('pgvector')) await db.execute(`drop index if exists memory_embeddings_hnsw_${dims}`);
      const batch = 1000;
      for (; written < size; written += batch) {
        const now = new Date();
        const values = Array.from({ length: Math.min(batch, size - written) }, (_, offset) =>
          seededMemoryRow(user.id, factFor(written + offset), { at: now }),
        );
        await store(values, [], now);
      }
      const planted: { query: number[]; ids: Set<string> }[] = [];
      for (let probe = 0; probe < plantedQueries; probe++) {
        const query = randomVector();
        const now = new Date();
        const values = plantedCosines.map((_, rank) =>
          seededMemoryRow(user.id, `Planted ${rank} for probe ${probe} at ${size}`, { at: now }),
        );
        await store(
          values,
          plantedCosines.map((cosine) => plantedNear(query, cosine)),
          now,
        );
        planted.push({ query, ids: new Set(values.map((value) => value.id)) });
      }
      await db.execute('analyze memories; analyze memory_embeddings');
      const indexStarted = performance.now();
      if (paths.includes('pgvector')) await ensureVectorIndexes(db, logger);
      const indexSeconds = ((performance.now() - indexStarted) / 1000).toFixed(1);
      /** p50 of a search per path, the paths alternating query by query; `wordless`: the vector step alone. */
      const time = async ({ embedding, wordless = false }: { embedding: boolean; wordless?: boolean }) => {
        const timed = embedding ? paths : (['real-array'] as const);
        const durations = new Map<VectorSearch, number[]>(timed.map((path) => [path, []]));
        for (let index = 0; index < queriesPerSize + 5; index++) {
          const vector = embedding ? randomVector() : undefined;
          for (const path of index % 2 === 0 ? timed : [...timed].reverse()) {
            const started = performance.now();
            await search(path, wordless ? 'qqzx' : pick(queries, index), vector);
            if (index >= 5) durations.get(path)?.push(performance.now() - started);
          }
        }
        return (path: VectorSearch) => (durations.has(path) ? median(durations.get(path) ?? []) : '—');
      };
      // Index scans are counted by each connection once idle, at the latest after 10 s.
      const hnswScans = async () => {
        await new Promise((resolve) => setTimeout(resolve, 11_000));
        const result = await db.execute(
          `select coalesce(sum(idx_scan), 0)::int as scans from pg_stat_user_indexes where indexrelname like 'memory_embeddings_hnsw_%'`,
        );
        return Number((result as unknown as { rows: { scans: number }[] }).rows[0]?.scans ?? 0);
      };
      const scansAtStart = paths.includes('pgvector') ? await hnswScans() : 0;
      const fullText = await time({ embedding: false });
      const vector = await time({ embedding: true });
      const vectorOnly = await time({ embedding: true, wordless: true });
      const found = async (path: VectorSearch) => {
        if (!paths.includes(path)) return '—';
        let count = 0;
        for (const probe of planted)
          for (const row of await search(path, 'qqzx', probe.query)) if (probe.ids.has(row.id)) count++;
        return `${count}/${plantedQueries * plantedCosines.length}`;
      };
      const scansAfter = paths.includes('pgvector') ? await hnswScans() : 0;
      const recalls = await Promise.all(
        queries.map((query) => app.memories.recall(actor, { query, tokenBudget: 500 })),
      );
      const tokens = recalls.map((recalled) => (recalled.prompt ? countTokens(recalled.prompt) : 0));
      rows.push({
        memories: size,
        'full text + trigram p50 ms': fullText('real-array'),
        'with vectors, real[] p50 ms': vector('real-array'),
        'with vectors, pgvector p50 ms': vector('pgvector'),
        'vectors alone, real[] p50 ms': vectorOnly('real-array'),
        'vectors alone, pgvector p50 ms': vectorOnly('pgvector'),
        'planted found, real[]': await found('real-array'),
        'planted found, pgvector': await found('pgvector'),
        'HNSW build s': paths.includes('pgvector') ? indexSeconds : '—',
        // Of the 2 × 45 timed pgvector searches, how many read the HNSW index.
        'HNSW index scans': paths.includes('pgvector') ? scansAfter - scansAtStart : '—',
        'recalled per turn (avg)': (
          recalls.reduce((sum, recalled) => sum + recalled.memories.length, 0) / recalls.length
        ).toFixed(1),
        'prompt tokens per turn (avg, o200k)': Math.round(
          tokens.reduce((sum, count) => sum + count, 0) / tokens.length,
        ),
      });
    }
  } finally {
    await app.close();
    await database.drop();
  }
  return rows;
}
