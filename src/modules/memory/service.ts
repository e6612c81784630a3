import { and, arrayContains, desc, eq, isNotNull, isNull, like, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import { requireUser } from '../../actor-policy.js';
import { cursorPosition, pageFrom } from '../../db/cursor.js';
import { escapeLike } from '../../db/like.js';
import type { Logger } from '../../logger.js';
import type { Embedder } from '../../models/embedding-model.js';
import type { ServiceDeps } from '../../service-deps.js';
import { MemoryNotFoundError } from './errors.js';
import './events.js';
import {
  type AnalyticsInput,
  type ListMemoriesInput,
  listMemoriesInputSchema,
  type Memory,
  type MemoryPage,
  type RememberInput,
  rememberInputSchema,
  type ScoredMemory,
  type SearchMemoriesInput,
  searchMemoriesInputSchema,
  type UpdateMemoryFields,
  updateMemoryFieldsSchema,
} from './schema.js';
import { memories, memoryEmbeddings } from './table.js';
import { embedMemories } from './service/embed-memories.js';
import { setMemoriesArchived } from './service/embedding-fields.js';
import {
  inScope,
  memoryColumns,
  memoryIdFrom,
  type MemoryRecord,
  normalizeFact,
  scopeKeyOf,
  toMemory,
} from './service/memory-record.js';
import { searchMemories } from './service/search-memories.js';
import { createMemoryUpkeep, type UpkeepDeps } from './service/upkeep.js';
import { createRecall } from './service/recall.js';
import { memoryAnalytics } from './service/analytics.js';
import { createPortableMemories } from './service/portable-memories.js';
import { createFactExtraction } from './service/extract-facts.js';

export interface MemoryServiceDeps extends ServiceDeps, Omit<UpkeepDeps, keyof ServiceDeps> {
  logger: Logger;
  /** The configured embedding model; undefined: recall is full text and trigram only. */
  embedder: Embedder | undefined;
}

/**
 * Long-term memory: short facts a user keeps (for themself, or for one of their agents or teams),
 * found again by hybrid search and put into the chat's system prompt. A user sees and changes only
 * their own memories; another user's answers not found. Nothing is deleted but by `forget`.
 */
export function createMemoryService(deps: MemoryServiceDeps) {
  const { db, clock, ids, bus, embedder, logger, vectorSearch } = deps;

  async function loadOwned(actor: Actor, memoryId: string): Promise<MemoryRecord> {
    const { userId } = requireUser(actor);
    const [row] = await db
      .select(memoryColumns)
      .from(memories)
      .where(and(eq(memories.id, memoryId), eq(memories.ownerId, userId)));
    if (!row) throw new MemoryNotFoundError(memoryId);
    return row;
  }

  async function setArchived(actor: Actor, memoryId: string, archived: boolean): Promise<Memory> {
    const current = await loadOwned(actor, memoryId);
    if ((current.archivedAt !== null) === archived) return toMemory(current);
    const [row] = await setMemoriesArchived(db, {
      which: eq(memories.id, current.id),
      archivedAt: archived ? clock.now() : null,
    });
    if (!row) throw new MemoryNotFoundError(memoryId);
    await bus.publish(actor, archived ? 'memory.archived' : 'memory.unarchived', {
      memory_id: row.id,
      owner_id: row.ownerId,
    });
    return toMemory(row);
  }

  const embed = (rows: readonly { id: string; text: string }[]) =>
    embedder ? embedMemories({ db, clock, logger, embedder }, rows) : Promise.resolve(0);

  const recall = createRecall({ ...deps, embedder });

  const service = {
    /**
     * Keeps a fact. The same fact already kept in the scope (same words, case and punctuation
     * aside) is not kept twice: that memory takes the higher importance and both sets of tags.
     */
    async remember(actor: Actor, input: RememberInput): Promise<Memory> {
      const user = requireUser(actor);
      const { text, tags, importance, source, ...scope } = rememberInputSchema.parse(input);
      const key = scopeKeyOf(user, scope);
      const normalized = normalizeFact(text);
      const now = clock.now();
      const [same] = await db
        .select(memoryColumns)
        .from(memories)
        .where(
          and(inScope(user.userId, key), eq(memories.normalized, normalized), isNull(memories.archivedAt)),
        );
      if (same) {
        const [row] = await db
          .update(memories)
          .set({
            importance: Math.max(same.importance, importance),
            tags: [...new Set([...same.tags, ...tags])],
            updatedAt: now,
          })
          .where(eq(memories.id, same.id))
          .returning(memoryColumns);
        if (!row) throw new MemoryNotFoundError(same.id);
        await bus.publish(actor, 'memory.updated', {
          memory_id: row.id,
          owner_id: user.userId,
          changes: ['importance', 'tags'],
        });
        return toMemory(row);
      }
      const [row] = await db
        .insert(memories)
        .values({
          id: memoryIdFrom(ids()),
          ownerId: user.userId,
          scope: key.scope,
          scopeId: key.scopeId,
          text,
          normalized,
          sourceKind: source.kind,
          sourceId: source.id ?? null,
          tags: [...new Set(tags)],
          importance,
          createdAt: now,
          updatedAt: now,
        })
        .returning(memoryColumns);
      if (!row) throw new Error('The memory was not stored');
      await embed([row]);
      await bus.publish(actor, 'memory.created', {
        memory_id: row.id,
        owner_id: user.userId,
        scope: row.scope,
        scope_id: row.scopeId,
      });
      return toMemory(row);
    },

    /** The scope's memories, newest first, a page at a time. */
    async list(actor: Actor, input: ListMemoriesInput = {}): Promise<MemoryPage> {
      const user = requireUser(actor);
      const { status, tag, limit, cursor, ...scope } = listMemoriesInputSchema.parse(input);
      const conditions: (SQL | undefined)[] = [inScope(user.userId, scopeKeyOf(user, scope))];
      if (status === 'active') conditions.push(isNull(memories.archivedAt));
      if (status === 'archived') conditions.push(isNotNull(memories.archivedAt));
      if (tag) conditions.push(arrayContains(memories.tags, [tag]));
      if (cursor) conditions.push(lt(memories.id, cursorPosition(cursor)));
      const rows = await db
        .select(memoryColumns)
        .from(memories)
        .where(and(...conditions))
        .orderBy(desc(memories.id))
        .limit(limit + 1);
      const page = pageFrom(rows, limit, toMemory);
      return { items: page.items, next_cursor: page.nextCursor };
    },

    /** The scope's memories that match the words (and meaning, with an embedding model), best first. */
    async search(actor: Actor, input: SearchMemoriesInput): Promise<ScoredMemory[]> {
      const user = requireUser(actor);
      const { query, limit, include_archived, ...scope } = searchMemoriesInputSchema.parse(input);
      const rows = await searchMemories(db, {
        ownerId: user.userId,
        key: scopeKeyOf(user, scope),
        query,
        limit,
        includeArchived: include_archived,
        embedding: await recall.queryEmbedding(query),
        vectorSearch,
      });
      return rows.map((row) => ({ ...toMemory(row), score: row.score }));
    },

    async get(actor: Actor, memoryId: string): Promise<Memory> {
      return toMemory(await loadOwned(actor, memoryId));
    },

    /** Changes the text, tags or importance. A new text gets a new embedding (the old one is dropped). */
    async update(actor: Actor, memoryId: string, fields: UpdateMemoryFields): Promise<Memory> {
      const changes = updateMemoryFieldsSchema.parse(fields);
      const current = await loadOwned(actor, memoryId);
      const newText = changes.text !== undefined && changes.text !== current.text;
      const [row] = await db
        .update(memories)
        .set({
          ...(newText && changes.text ? { text: changes.text, normalized: normalizeFact(changes.text) } : {}),
          ...(changes.tags !== undefined ? { tags: [...new Set(changes.tags)] } : {}),
          ...(changes.importance !== undefined ? { importance: changes.importance } : {}),
          updatedAt: clock.now(),
        })
        .where(eq(memories.id, current.id))
        .returning(memoryColumns);
      if (!row) throw new MemoryNotFoundError(memoryId);
      if (newText) {
        await db.delete(memoryEmbeddings).where(eq(memoryEmbeddings.memoryId, row.id));
        await embed([row]);
      }
      await bus.publish(actor, 'memory.updated', {
        memory_id: row.id,
        owner_id: row.ownerId,
        changes: Object.keys(changes).filter((name) => changes[name as keyof typeof changes] !== undefined),
      });
      return toMemory(row);
    },

    /** Deletes a memory for good (the user's own action). Answers it as it was. */
    async forget(actor: Actor, memoryId: string): Promise<Memory> {
      const current = await loadOwned(actor, memoryId);
      await db
        .delete(memories)
        .where(and(eq(memories.id, current.id), eq(memories.ownerId, current.ownerId)));
      await bus.publish(actor, 'memory.deleted', { memory_id: current.id, owner_id: current.ownerId });
      return toMemory(current);
    },

    /** Keeps a memory out of recall without deleting it. */
    archive: (actor: Actor, memoryId: string) => setArchived(actor, memoryId, true),
    unarchive: (actor: Actor, memoryId: string) => setArchived(actor, memoryId, false),

    /** Ids of the actor's memories that start with `prefix`, newest first (for completion). */
    async idsStartingWith(actor: Actor, prefix: string, limit = 20): Promise<string[]> {
      const { userId } = requireUser(actor);
      const rows = await db
        .select({ id: memories.id })
        .from(memories)
        .where(and(eq(memories.ownerId, userId), like(memories.id, `${escapeLike(prefix)}%`)))
        .orderBy(desc(memories.id))
        .limit(limit);
      return rows.map((row) => row.id);
    },
  };
  const upkeep = createMemoryUpkeep({ ...deps, embed, remember: service.remember });
  return {
    ...service,
    ...upkeep,
    /** Where near embeddings are found, chosen at start: pgvector or `real[]`. */
    vectorSearch: deps.vectorSearch,
    ...createPortableMemories({ ...deps, embed }),
    /** The memories for a chat turn's system prompt (see createRecall). */
    recall: recall.recall,
    /** The same, with its bookkeeping left to the caller (the chat records it after the first token). */
    recallToRecord: recall.recallToRecord,
    /** Facts about the user from a finished chat turn, kept as memories (MEMORY_EXTRACT; see createFactExtraction). */
    extractFacts: createFactExtraction({ ...deps, remember: service.remember }),
    /** A scope's counts, growth, most used and recall hit rate. */
    analytics: (actor: Actor, input: AnalyticsInput = {}) => memoryAnalytics({ db, clock }, actor, input),
  };
}

export type MemoryService = ReturnType<typeof createMemoryService>;
