import { describe, expect, it } from 'vitest';
import { actingAs } from '../../src/actor.js';
import { type App, createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { unitLength } from '../../src/models/embedding-model.js';
import { searchMemories, signBits } from '../../src/modules/memory/service/search-memories.js';
import { memoryEmbeddings } from '../../src/modules/memory/table.js';
import { seedUser } from '../helpers/identity.js';
import { testConfig } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { vectorSearchVariants } from '../helpers/vector-searches.js';

const dims = 48;
const vectorFrom = (seed: number) =>
  unitLength(Array.from({ length: dims }, (_, index) => Math.sin(seed * 7.1 + index * 1.3)));

/** An app on `database`, its log lines kept in `lines`. */
function startApp(database: TestDatabase, settings: Record<string, string>, lines: string[] = []) {
  return createApp({
    config: testConfig({ ...database.settings, logLevel: 'info', ...settings }),
    logger: createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }),
  });
}

const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

const memoryVectorLines = (lines: string[]) =>
  lines
    .map((line) => (JSON.parse(line) as { msg: string }).msg)
    .filter((msg) => msg.startsWith('memory vectors'));

const pgvectorUnavailable = vectorSearchVariants.find(
  (variant) => variant.vectorSearch === 'pgvector',
)?.unavailable;

describe.skipIf(pgvectorUnavailable !== undefined)(
  'pgvector set up on a database that holds embeddings already',
  () => {
    it('carries every stored embedding over (no embedding call), finds it, and the sweep indexes it', async () => {
      const database = await createTestDatabase('postgres');
      let app: App | undefined;
      try {
        app = await startApp(database, { memoryPgvector: 'false' });
        expect(app.memories.vectorSearch).toBe('real-array');
        const user = await seedUser(app, { email: 'alice@example.com' });
        const alice = actingAs({ userId: user.id, role: 'user' });
        const ids: string[] = [];
        for (let seed = 1; seed <= 30; seed++) {
          const memory = await app.memories.remember(alice, { text: `Stored before pgvector, fact ${seed}` });
          await app.database.db.insert(memoryEmbeddings).values({
            memoryId: memory.id,
            model: 'test',
            dims,
            vector: vectorFrom(seed),
            signs: signBits(vectorFrom(seed)),
            ownerId: user.id,
            scope: 'user',
            scopeId: user.id,
            createdAt: new Date(),
          });
          ids.push(memory.id);
        }
        // An older version stored a NaN vector, which pgvector refuses: it must not block the set-up.
        const broken = await app.memories.remember(alice, { text: 'Embedded badly by an older version' });
        const nan = Array.from({ length: dims }, () => Number.NaN);
        await app.database.db.insert(memoryEmbeddings).values({
          memoryId: broken.id,
          model: 'test',
          dims,
          vector: nan,
          signs: signBits(vectorFrom(99)),
          ownerId: user.id,
          scope: 'user',
          scopeId: user.id,
          createdAt: new Date(),
        });
        await app.close();

        const lines: string[] = [];
        app = await startApp(database, {}, lines);
        expect(app.memories.vectorSearch).toBe('pgvector');
        expect(memoryVectorLines(lines)).toEqual(['memory vectors: pgvector']);
        const carried = rowsOf<{ count: number }>(
          await app.database.db.execute(
            'select count(*)::int as count from memory_embeddings where embedding is not null',
          ),
        );
        expect(carried[0]?.count).toBe(30);
        const left = rowsOf<{ count: number }>(
          await app.database.db.execute(
            `select count(*)::int as count from memory_embeddings where memory_id = '${broken.id}'`,
          ),
        );
        expect(left[0]?.count).toBe(0);
        const found = await searchMemories(app.database.db, {
          ownerId: user.id,
          key: { scope: 'user', scopeId: user.id },
          query: 'qqzx',
          limit: 3,
          embedding: { model: 'test', vector: vectorFrom(17) },
          vectorSearch: 'pgvector',
        });
        expect(found[0]?.id).toBe(ids[16]);
        expect(found[0]?.score).toBeCloseTo(0.5 + 0.03, 4);

        await app.memories.embedMissing();
        const indexes = rowsOf<{ indexname: string }>(
          await app.database.db.execute(
            `select indexname from pg_indexes where tablename = 'memory_embeddings' and indexname like '%hnsw%'`,
          ),
        );
        expect(indexes.map((row) => row.indexname)).toEqual([`memory_embeddings_hnsw_${dims}`]);
      } finally {
        await app?.close();
        await database.drop();
      }
    }, 120_000);
  },
);

describe('a database without pgvector (the embedded server ships none)', { timeout: 120_000 }, () => {
  it('recalls over real[], and says so once in the log', async () => {
    const embedded = await createTestDatabase('embedded');
    const lines: string[] = [];
    try {
      const app = await startApp(embedded, {}, lines);
      try {
        expect(app.memories.vectorSearch).toBe('real-array');
        expect(memoryVectorLines(lines)).toEqual([
          'memory vectors: real[] with sign bits and exact cosine (this database has no pgvector)',
        ]);
      } finally {
        await app.close();
      }
    } finally {
      await embedded.drop();
    }
  });
});
