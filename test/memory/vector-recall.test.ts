import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actingAs, type UserActor } from '../../src/actor.js';
import { unitLength } from '../../src/models/embedding-model.js';
import {
  searchMemories,
  signBits,
  vectorCandidates,
} from '../../src/modules/memory/service/search-memories.js';
import { memoryEmbeddings } from '../../src/modules/memory/table.js';
import { seedUser } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';
import { describeEachVectorSearch } from '../helpers/vector-searches.js';

const dims = 64;
/** A deterministic pseudo-random unit vector (a small LCG), so a failure can be replayed. */
function vectorFrom(seed: number): number[] {
  let state = seed;
  return unitLength(
    Array.from({ length: dims }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648 - 0.5;
    }),
  );
}
const nudged = (vector: number[], seed: number) =>
  unitLength(vector.map((value, index) => value + 0.15 * (vectorFrom(seed)[index] ?? 0)));

describeEachVectorSearch('vector recall (no words in common)', (variant) => {
  let testApp: TestApp;
  let alice: UserActor;
  let aliceId: string;
  const db = () => testApp.app.database.db;
  const key = () => ({ scope: 'user' as const, scopeId: aliceId });

  /**
   * Stores a memory and its embedding of model `test`; `legacy`: as stored before the sign bits and
   * the memory's owner and scope were kept beside the vector (the sweep fills them).
   */
  async function store(text: string, vector: number[], { legacy = false, actor = alice } = {}) {
    const memory = await testApp.app.memories.remember(actor, { text });
    await db()
      .insert(memoryEmbeddings)
      .values({
        memoryId: memory.id,
        model: 'test',
        dims,
        vector,
        signs: legacy ? null : signBits(vector),
        ...(legacy ? {} : { ownerId: actor.userId, scope: 'user' as const, scopeId: actor.userId }),
        createdAt: new Date(),
      });
    return memory;
  }
  const search = (vector: number[]) =>
    searchMemories(db(), {
      ownerId: aliceId,
      key: key(),
      query: 'qqzx',
      limit: 5,
      embedding: { model: 'test', vector },
      vectorSearch: variant.vectorSearch,
    });

  beforeAll(async () => {
    testApp = await buildTestApp('postgres', { settings: variant.settings });
    expect(testApp.app.memories.vectorSearch).toBe(variant.vectorSearch);
    const user = await seedUser(testApp.app, { email: 'alice@example.com', name: 'Alice' });
    alice = actingAs({ userId: user.id, role: 'user' });
    aliceId = user.id;
    // More unrelated embeddings than the sign-bit step keeps, so that step is what finds the target.
    for (let index = 0; index < vectorCandidates + 100; index++)
      await store(`Unrelated fact number ${index}`, vectorFrom(1000 + index));
  }, 180_000);
  afterAll(() => testApp.close());

  it('finds the memory whose embedding is closest, with its exact cosine in the score', async () => {
    const target = vectorFrom(7);
    const memory = await store('The boat is moored at pier four', target);
    const query = nudged(target, 99);
    const found = await search(query);
    expect(found[0]?.id).toBe(memory.id);
    const cosine = target.reduce((sum, value, index) => sum + value * (query[index] ?? 0), 0);
    expect(cosine).toBeGreaterThan(0.35);
    // 0.5 × cosine + 0.01 × importance 3; no full-text or trigram part (no shared word).
    expect(found[0]?.score).toBeCloseTo(0.5 * cosine + 0.03, 4);
  });

  it('scores a memory that shares a word and is near once, with both parts', async () => {
    const target = vectorFrom(12);
    const memory = await store('The kayak paddles hang in the boathouse', target);
    const query = nudged(target, 95);
    const cosine = target.reduce((sum, value, index) => sum + value * (query[index] ?? 0), 0);
    const found = await searchMemories(db(), {
      ownerId: aliceId,
      key: key(),
      query: 'where is the kayak',
      limit: 5,
      embedding: { model: 'test', vector: query },
      vectorSearch: variant.vectorSearch,
    });
    expect(found.filter((row) => row.id === memory.id)).toHaveLength(1);
    expect(found[0]?.id).toBe(memory.id);
    const [wordsOnly] = await searchMemories(db(), {
      ownerId: aliceId,
      key: key(),
      query: 'where is the kayak',
      limit: 1,
      vectorSearch: variant.vectorSearch,
    });
    expect(wordsOnly?.id).toBe(memory.id);
    expect(found[0]?.score).toBeCloseTo((wordsOnly?.score ?? 0) + 0.5 * cosine, 4);
  });

  it('finds an embedding stored without sign bits, owner and scope once the sweep has filled them', async () => {
    const target = vectorFrom(8);
    const memory = await store('The spare key hangs behind the clock', target, { legacy: true });
    expect((await search(nudged(target, 98))).map((row) => row.id)).not.toContain(memory.id);
    await testApp.app.memories.embedMissing();
    const [row] = await db()
      .select({ signs: memoryEmbeddings.signs })
      .from(memoryEmbeddings)
      .where(eq(memoryEmbeddings.memoryId, memory.id));
    expect(row?.signs).toBe(signBits(target));
    expect((await search(nudged(target, 98)))[0]?.id).toBe(memory.id);
  });

  it('leaves an archived memory out of the vector step, and brings it back when unarchived', async () => {
    const target = vectorFrom(9);
    const memory = await store('The ferry leaves from the north quay', target);
    const query = nudged(target, 97);
    expect((await search(query))[0]?.id).toBe(memory.id);
    await testApp.app.memories.archive(alice, memory.id);
    expect((await search(query)).map((row) => row.id)).not.toContain(memory.id);
    const withArchived = await searchMemories(db(), {
      ownerId: aliceId,
      key: key(),
      query: 'qqzx',
      limit: 5,
      includeArchived: true,
      embedding: { model: 'test', vector: query },
      vectorSearch: variant.vectorSearch,
    });
    expect(withArchived[0]?.id).toBe(memory.id);
    await testApp.app.memories.unarchive(alice, memory.id);
    expect((await search(query))[0]?.id).toBe(memory.id);
  });

  it('leaves a memory the sweep archived out of the vector step', async () => {
    const target = vectorFrom(10);
    const memory = await store('The attic ladder folds into the ceiling', target);
    const query = nudged(target, 96);
    expect((await search(query))[0]?.id).toBe(memory.id);
    await testApp.app.memories.archiveUnused({ before: new Date(Date.now() + 60_000) });
    expect((await search(query)).map((row) => row.id)).not.toContain(memory.id);
  });

  it('keeps scopes apart: an agent’s memory is not found in its owner’s own scope, nor the other way', async () => {
    const target = vectorFrom(13);
    const agentId = 'agt_vector_scope';
    const agents = await testApp.app.memories.remember(alice, {
      text: 'The lighthouse lamp is serviced in October',
      scope: 'agent',
      scope_id: agentId,
    });
    await db()
      .insert(memoryEmbeddings)
      .values({
        memoryId: agents.id,
        model: 'test',
        dims,
        vector: target,
        signs: signBits(target),
        ownerId: aliceId,
        scope: 'agent',
        scopeId: agentId,
        createdAt: new Date(),
      });
    expect((await search(target)).map((row) => row.id)).not.toContain(agents.id);
    const inAgentScope = await searchMemories(db(), {
      ownerId: aliceId,
      key: { scope: 'agent', scopeId: agentId },
      query: 'qqzx',
      limit: 5,
      embedding: { model: 'test', vector: vectorFrom(7) },
      vectorSearch: variant.vectorSearch,
    });
    expect(inAgentScope.map((row) => row.id)).toEqual([]);
  });

  it('never finds another user’s embedding, however close', async () => {
    const bobUser = await seedUser(testApp.app, { email: 'bob@example.com', name: 'Bob' });
    const bob = actingAs({ userId: bobUser.id, role: 'user' });
    const target = vectorFrom(11);
    const bobs = await store('The safe code is written under the desk', target, { actor: bob });
    const found = await search(target);
    expect(found.map((row) => row.id)).not.toContain(bobs.id);
    const bobFinds = await searchMemories(db(), {
      ownerId: bobUser.id,
      key: { scope: 'user', scopeId: bobUser.id },
      query: 'qqzx',
      limit: 5,
      embedding: { model: 'test', vector: target },
      vectorSearch: variant.vectorSearch,
    });
    expect(bobFinds[0]?.id).toBe(bobs.id);
  });
});
