import { and, asc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Logger } from '../../../logger.js';
import type { Embedder } from '../../../models/embedding-model.js';
import type { TextWriter } from '../../../models/text-writer.js';
import type { ServiceDeps } from '../../../service-deps.js';
import type { ConversationService } from '../../conversations/index.js';
import { summarizeText } from '../../text/index.js';
import {
  type CompressConversationInput,
  compressConversationInputSchema,
  type Memory,
  memoryTextLimit,
  type MergeInput,
  mergeInputSchema,
  type MergeResult,
  type RememberInput,
} from '../schema.js';
import { memories } from '../table.js';
import { fillMissingSigns, memoriesWithoutEmbedding } from './embed-memories.js';
import { fillMissingMemoryFields, setMemoriesArchived } from './embedding-fields.js';
import { inScope, memoryColumns, scopeKeyOf, toMemory } from './memory-record.js';
import { ensureVectorIndexes, type VectorSearch } from './pgvector.js';

export interface UpkeepDeps extends ServiceDeps {
  logger: Logger;
  conversations: ConversationService;
  /** The default model, to summarize a conversation; answers undefined when it is the offline assistant. */
  writer: TextWriter;
  embedder: Embedder | undefined;
  /** Where near embeddings are found: pgvector or `real[]` (see prepareVectorSearch). */
  vectorSearch: VectorSearch;
}

const summaryInstructions =
  'Summarize this conversation as one short paragraph of facts worth remembering about the user ' +
  '(preferences, people, decisions, plans). Under 1500 characters. No preamble.';

/** The most messages of a conversation a summary reads. */
const summaryMessages = 200;

/**
 * Cleanup and compression: archive what nobody used for long, fold duplicates together, turn a
 * long conversation into one summary memory, and embed memories written before the embedding model
 * was set. Only `mergeDuplicates` deletes, and only when the user asks for it.
 */
export function createMemoryUpkeep({
  db,
  clock,
  bus,
  conversations,
  writer,
  embedder,
  logger,
  vectorSearch,
  embed,
  remember,
}: UpkeepDeps & {
  embed: (rows: readonly { id: string; text: string }[]) => Promise<number>;
  remember: (actor: Actor, input: RememberInput) => Promise<Memory>;
}) {
  return {
    /** The sweep: archives (never deletes) active memories neither used nor changed since `before`. */
    async archiveUnused({ before }: { before: Date }): Promise<number> {
      const archived = await setMemoriesArchived(db, {
        which: and(
          isNull(memories.archivedAt),
          lt(memories.updatedAt, before),
          or(isNull(memories.lastUsedAt), lt(memories.lastUsedAt, before)),
        ) as SQL,
        archivedAt: clock.now(),
      });
      return archived.length;
    },

    /**
     * The sweep: embeds up to `limit` memories that have no embedding of the configured model,
     * fills the sign bits of up to `limit` embeddings stored without them, and with pgvector builds
     * the HNSW index of a dimension count stored for the first time.
     */
    async embedMissing({ limit = 100 }: { limit?: number } = {}): Promise<number> {
      await fillMissingSigns(db, limit);
      await fillMissingMemoryFields(db, limit);
      const embedded = embedder ? await embed(await memoriesWithoutEmbedding(db, embedder.model, limit)) : 0;
      if (vectorSearch === 'pgvector')
        await ensureVectorIndexes(db, logger).catch((error: unknown) => {
          logger.warn({ err: error }, 'memory vectors: could not build an HNSW index; exact scans meanwhile');
        });
      return embedded;
    },

    /**
     * Folds memories of the scope that say the same fact into the oldest of them: it keeps the
     * highest importance, every tag, the use counts added up; the others are deleted (the user asked).
     */
    async mergeDuplicates(actor: Actor, input: MergeInput = {}): Promise<MergeResult> {
      const user = requireUser(actor);
      const key = scopeKeyOf(user, mergeInputSchema.parse(input));
      const rows = await db
        .select(memoryColumns)
        .from(memories)
        .where(and(inScope(user.userId, key), isNull(memories.archivedAt)))
        .orderBy(asc(memories.id));
      const groups = new Map<string, typeof rows>();
      for (const row of rows) groups.set(row.normalized, [...(groups.get(row.normalized) ?? []), row]);
      const kept: Memory[] = [];
      let merged = 0;
      for (const [first, ...others] of groups.values()) {
        if (!first || others.length === 0) continue;
        const group = [first, ...others];
        const lastUsed = group.flatMap((row) => (row.lastUsedAt ? [row.lastUsedAt.getTime()] : []));
        const row = await db.transaction(async (transaction) => {
          await transaction.delete(memories).where(
            inArray(
              memories.id,
              others.map((other) => other.id),
            ),
          );
          const [updated] = await transaction
            .update(memories)
            .set({
              importance: Math.max(...group.map((member) => member.importance)),
              tags: [...new Set(group.flatMap((member) => member.tags))],
              usedCount: group.reduce((sum, member) => sum + member.usedCount, 0),
              lastUsedAt: lastUsed.length > 0 ? new Date(Math.max(...lastUsed)) : null,
              updatedAt: clock.now(),
            })
            .where(eq(memories.id, first.id))
            .returning(memoryColumns);
          return updated;
        });
        if (!row) continue;
        merged += others.length;
        kept.push(toMemory(row));
        for (const other of others)
          await bus.publish(actor, 'memory.deleted', { memory_id: other.id, owner_id: user.userId });
        await bus.publish(actor, 'memory.updated', {
          memory_id: row.id,
          owner_id: user.userId,
          changes: ['importance', 'tags', 'used_count'],
        });
      }
      return { merged, kept };
    },

    /**
     * Keeps a conversation as one summary memory: written by the default model when one is
     * configured, else by the offline summarizer (its most central sentences). Its source is the
     * conversation's last message.
     */
    async compressConversation(actor: Actor, input: CompressConversationInput): Promise<Memory> {
      requireUser(actor);
      const { conversation_id, tags, ...scope } = compressConversationInputSchema.parse(input);
      const messages = await conversations.activeBranch(actor, conversation_id, { limit: summaryMessages });
      const transcript = messages
        .map((message) => {
          const words = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(' ');
          const speaker = message.role === 'user' ? 'User' : 'Assistant';
          return words.trim() ? `${speaker}: ${words.trim().replace(/([^.!?])$/, '$1.')}` : '';
        })
        .filter(Boolean)
        .join('\n');
      const summary = await summarize(transcript || 'An empty conversation.');
      return remember(actor, {
        text: clip(summary),
        ...scope,
        tags: [...new Set(['conversation-summary', ...tags])],
        importance: 2,
        source: { kind: 'message', ...(messages.at(-1) ? { id: messages.at(-1)?.id } : {}) },
      });
    },
  };

  async function summarize(transcript: string): Promise<string> {
    const signal = AbortSignal.timeout(60_000);
    const written = await writer.write({ instructions: summaryInstructions, text: transcript, signal });
    if (written && 'text' in written && written.text) return written.text;
    const { summary } = await summarizeText(
      transcript,
      { summary_type: 'extractive', length: 'short' },
      { signal, progress: async () => {} },
    );
    return `Conversation summary: ${summary}`;
  }
}

/** A summary cut to the memory limit at a word boundary. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= memoryTextLimit) return flat;
  return `${flat.slice(0, memoryTextLimit - 1).replace(/\s+\S*$/, '')}…`;
}
