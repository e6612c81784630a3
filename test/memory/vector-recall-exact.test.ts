import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { unitLength } from '../../src/models/embedding-model.js';
import { embedMemories } from '../../src/modules/memory/service/embed-memories.js';
import { searchMemories, vectorCandidates } from '../../src/modules/memory/service/search-memories.js';
import { memories } from '../../src/modules/memory/table.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { seededMemoryRow } from '../helpers/memory-rows.js';
import { describeEachVectorSearch } from '../helpers/vector-searches.js';

/**
 * The sign-bit step keeps only `vectorCandidates` embeddings for the exact cosine. This checks,
 * against a brute-force exact cosine over every stored vector, that what it keeps still holds the
 * true best matches: a few thousand random 768-dimension embeddings (the size of real ones), and
 * for each query a planted cluster at known cosines around the 0.35 threshold and above.
 */
const dims = 768;
const randomCount = 3000;
const queryCount = 12;
const limit = 20;
/** Planted neighbours' cosines with their query: two below the 0.35 threshold, 23 above. */
const plantedCosines = [0.3, 0.33, ...Array.from({ length: 23 }, (_, index) => 0.37 + index * 0.025)];

/** Deterministic normal-ish numbers (mulberry32, Box-Muller), so a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return (((value ^ (value >>> 14)) >>> 0) + 1) / 4_294_967_297;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { unitVector: () => unitLength(Array.from({ length: dims }, normal)) };
}

const dot = (one: readonly number[], other: readonly number[]) =>
  one.reduce((sum, value, index) => sum + value * (other[index] ?? 0), 0);

/** A unit vector whose cosine with `query` is exactly `cosine`: query scaled plus an orthogonal part. */
function plantedNear(query: number[], cosine: number, noise: number[]): number[] {
  const along = dot(noise, query);
  const orthogonal = unitLength(noise.map((value, index) => value - along * (query[index] ?? 0)));
  const side = Math.sqrt(1 - cosine * cosine);
  return query.map((value, index) => cosine * value + side * (orthogonal[index] ?? 0));
}

describeEachVectorSearch('vector recall finds what an exact cosine scan finds', (variant) => {
  let testApp: TestApp;
  let ownerId: string;
  const stored = new Map<string, number[]>();
  const queries: number[][] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { settings: variant.settings });
    expect(testApp.app.memories.vectorSearch).toBe(variant.vectorSearch);
    ownerId = (await seedUser(testApp.app, { email: 'alice@example.com' })).id;
    const random = randomSource(20);
    const texts: { text: string; vector: number[] }[] = [];
    for (let index = 0; index < randomCount; index++)
      texts.push({ text: `Unrelated fact number ${index}`, vector: random.unitVector() });
    for (let index = 0; index < queryCount; index++) {
      const query = random.unitVector();
      queries.push(query);
      plantedCosines.forEach((cosine, rank) =>
        texts.push({
          text: `Planted fact ${rank} for probe ${index}`,
          vector: plantedNear(query, cosine, random.unitVector()),
        }),
      );
    }
    const byText = new Map(texts.map(({ text, vector }) => [text, vector]));
    // Stored as the service stores them: rows in batches, then embedMemories (the write path).
    const embedder = {
      model: 'exact-test',
      embed: async (batch: readonly string[]) => batch.map((text) => byText.get(text) ?? []),
    };
    const logger = createLogger({ level: 'silent' });
    const db = testApp.app.database.db;
    for (let start = 0; start < texts.length; start += 500) {
      const now = new Date();
      const rows = texts
        .slice(start, start + 500)
        .map(({ text }) => seededMemoryRow(ownerId, text, { at: now }));
      await db.insert(memories).values(rows);
      await embedMemories({ db, clock: systemClock, logger, embedder }, rows);
      for (const row of rows) stored.set(row.id, byText.get(row.text) ?? []);
    }
    // With pgvector, the sweep builds the HNSW index of the dimension count stored.
    await testApp.app.memories.embedMissing();
    await db.execute('analyze memory_embeddings');
  }, 300_000);
  afterAll(() => testApp.close());

  it('holds more embeddings than the vector step keeps, so that step is what is tested', async () => {
    expect(stored.size).toBeGreaterThan(10 * vectorCandidates);
    const indexes = (await testApp.app.database.db.execute(
      `select indexname from pg_indexes where tablename = 'memory_embeddings' and indexname like '%hnsw%'`,
    )) as unknown as { rows: { indexname: string }[] };
    expect(indexes.rows.map((row) => row.indexname)).toEqual(
      variant.vectorSearch === 'pgvector' ? [`memory_embeddings_hnsw_${dims}`] : [],
    );
  });

  it.each(Array.from({ length: queryCount }, (_, index) => index))(
    `query %i: the top ${limit} by exact cosine (from 0.35) are found, in the same order, with their cosine`,
    async (index) => {
      const query = queries[index] ?? [];
      const exact = [...stored]
        .map(([id, vector]) => ({ id, cosine: dot(vector, query) }))
        .filter(({ cosine }) => cosine >= 0.35)
        .sort((one, other) => other.cosine - one.cosine)
        .slice(0, limit);
      // The planted cluster is the whole answer: no random vector comes near 0.35 in 768 dimensions.
      expect(exact).toHaveLength(limit);
      const found = await searchMemories(testApp.app.database.db, {
        ownerId,
        key: { scope: 'user', scopeId: ownerId },
        query: 'qqzx',
        limit,
        embedding: { model: 'exact-test', vector: query },
        vectorSearch: variant.vectorSearch,
      });
      expect(found.map((row) => row.id)).toEqual(exact.map(({ id }) => id));
      found.forEach((row, rank) => expect(row.score).toBeCloseTo(0.5 * (exact[rank]?.cosine ?? 0) + 0.03, 4));
    },
  );
});
