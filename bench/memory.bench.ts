/**
 * Long-term memory: recall latency for one user holding 1k, 10k and 100k memories (the sizes in
 * BENCH_MEMORY_SIZES), with full text + trigram alone and with vectors (the 200 embeddings closest
 * by sign bits, then their exact cosine over `real[]`; BENCH_MEMORY_DIMS dimensions, random unit
 * vectors: the cost does not depend on what the vectors mean), and the token cost of a recall in
 * the system prompt (MEMORY_RECALL_TOKENS default 500; counted with the o200k tokenizer).
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
import { searchMemories, signBits } from '../src/modules/memory/service/search-memories.js';
import { memories, memoryEmbeddings } from '../src/modules/memory/table.js';
import { createScratchPostgres } from '../test/helpers/postgres.js';
import { seededMemoryRow } from '../test/helpers/memory-rows.js';

export const title =
  'Memory: recall p50 for one user, full text + trigram, and with vectors (sign bits, then exact cosine)';
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
    let written = 0;
    for (const size of sizes) {
      const batch = 1000;
      for (; written < size; written += batch) {
        const now = new Date();
        const values = Array.from({ length: Math.min(batch, size - written) }, (_, offset) =>
          seededMemoryRow(user.id, factFor(written + offset), { at: now }),
        );
        await db.insert(memories).values(values);
        await db.insert(memoryEmbeddings).values(
          values.map((value) => {
            const vector = randomVector();
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
      }
      await db.execute('analyze memories; analyze memory_embeddings');
      /** p50 of a search; `wordless`: a query no memory shares a word with (the vector step alone). */
      const time = async (embedding: boolean, { wordless = false } = {}) => {
        const durations: number[] = [];
        for (let index = 0; index < queriesPerSize + 5; index++) {
          const started = performance.now();
          await searchMemories(db, {
            ownerId: user.id,
            key,
            query: wordless ? 'qqzx' : pick(queries, index),
            limit: 20,
            ...(embedding ? { embedding: { model: 'bench', vector: randomVector() } } : {}),
          });
          if (index >= 5) durations.push(performance.now() - started);
        }
        durations.sort((one, other) => one - other);
        return (durations[Math.floor(durations.length / 2)] ?? 0).toFixed(1);
      };
      const fullText = await time(false);
      const vector = await time(true);
      const vectorOnly = await time(true, { wordless: true });
      const recalls = await Promise.all(
        queries.map((query) => app.memories.recall(actor, { query, tokenBudget: 500 })),
      );
      const tokens = recalls.map((recalled) => (recalled.prompt ? countTokens(recalled.prompt) : 0));
      rows.push({
        memories: size,
        'full text + trigram p50 ms': fullText,
        'with vectors (sign bits, then exact cosine of 200) p50 ms': vector,
        'vectors alone (no word shared) p50 ms': vectorOnly,
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
