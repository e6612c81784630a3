import { inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { commitUnflushed } from '../../../db/commit-unflushed.js';
import { requireUser } from '../../../actor-policy.js';
import type { Logger } from '../../../logger.js';
import type { Embedder } from '../../../models/embedding-model.js';
import { loadTokenCounter } from '../../../models/token-counter.js';
import type { ServiceDeps } from '../../../service-deps.js';
import type { Memory } from '../schema.js';
import { memories, memoryRecalls } from '../table.js';
import { scopeKeyOf, type ScopeName, toMemory } from './memory-record.js';
import { searchMemories } from './search-memories.js';
import type { VectorSearch } from './pgvector.js';

/** The first line of the memories in a system prompt; the offline assistant reads the lines after it. */
export const recallHeading =
  'What you remember about the user (from earlier conversations; cite a memory by its [id] when you use it):';

/** The most memories recall considers before fitting them into the token budget. */
const candidates = 20;

/** One memory as a line of the system prompt: `[mem_…] My manager is Dana`. */
export const recallLine = (memory: Pick<Memory, 'id' | 'text'>) =>
  `[${memory.id}] ${memory.text.replace(/\s+/g, ' ')}`;

export interface Recalled {
  /** The memories put into the prompt, most relevant first. */
  readonly memories: Memory[];
  /** The heading and one line per memory; undefined when none was found. */
  readonly prompt: string | undefined;
  /** The prompt's tokens, as the caller's counter (by default the o200k tokenizer) counts them; 0 when none was found. */
  readonly tokens: number;
}

export interface RecallInput {
  query: string;
  tokenBudget: number;
  scope?: ScopeName;
  scope_id?: string;
  countTokens?: (text: string) => number;
}

/**
 * Recall for a chat turn: the scope's memories most relevant to the user's message, as many as fit
 * in `tokenBudget`, each marked with its id. Tokens are counted by `countTokens` when given (the
 * chat gives the built-in assistant's estimate, so that it never loads a tokenizer), else by the
 * o200k tokenizer, as the chat counts for hosted models. Those used are counted (used_count,
 * last_used_at) and the recall is recorded, found or not, for the hit rate.
 */
export function createRecall({
  db,
  clock,
  ids,
  embedder,
  logger,
  vectorSearch,
}: ServiceDeps & { embedder: Embedder | undefined; logger: Logger; vectorSearch: VectorSearch }) {
  async function queryEmbedding(query: string) {
    if (!embedder) return undefined;
    try {
      const [vector] = await embedder.embed([query]);
      return vector ? { model: embedder.model, vector } : undefined;
    } catch (error) {
      logger.warn({ err: error, model: embedder.model }, 'could not embed a recall query; full text only');
      return undefined;
    }
  }

  /**
   * Recall without its bookkeeping: `record()` counts the use of what was recalled and records the
   * recall, once the caller has used it (the chat: after its reply's first token).
   */
  async function recallToRecord(
    actor: Actor,
    { query, tokenBudget, scope, scope_id, countTokens: givenCounter }: RecallInput,
  ): Promise<Recalled & { record(): Promise<void> }> {
    const user = requireUser(actor);
    const key = scopeKeyOf(user, { ...(scope ? { scope } : {}), ...(scope_id ? { scope_id } : {}) });
    const found = await searchMemories(db, {
      ownerId: user.userId,
      key,
      query,
      limit: candidates,
      embedding: await queryEmbedding(query),
      vectorSearch,
    });
    const countTokens = givenCounter ?? (await loadTokenCounter());
    const lines = [recallHeading];
    let tokens = countTokens(recallHeading);
    const chosen: typeof found = [];
    for (const row of found) {
      // The whole prompt is counted again with each line: a BPE count of two joined texts is not
      // always the sum of their counts.
      const cost = countTokens([...lines, recallLine(row)].join('\n'));
      if (cost > tokenBudget) continue;
      tokens = cost;
      lines.push(recallLine(row));
      chosen.push(row);
    }
    const now = clock.now();
    // Bookkeeping for the hit rate and cleanup: not worth a disk flush.
    const record = () =>
      commitUnflushed(db, async (tx) => {
        if (chosen.length > 0)
          await tx
            .update(memories)
            .set({ usedCount: sql`${memories.usedCount} + 1`, lastUsedAt: now })
            .where(
              inArray(
                memories.id,
                chosen.map((row) => row.id),
              ),
            );
        await tx.insert(memoryRecalls).values({
          id: ids(),
          ownerId: user.userId,
          scope: key.scope,
          scopeId: key.scopeId,
          hits: chosen.length,
          at: now,
        });
      });
    return chosen.length === 0
      ? { memories: [], prompt: undefined, tokens: 0, record }
      : {
          memories: chosen.map((row) => toMemory({ ...row, usedCount: row.usedCount + 1, lastUsedAt: now })),
          prompt: lines.join('\n'),
          tokens,
          record,
        };
  }

  /** Recall, recorded before it answers (the recall tool, agent runs). */
  async function recall(actor: Actor, input: RecallInput): Promise<Recalled> {
    const { record, ...recalled } = await recallToRecord(actor, input);
    await record();
    return recalled;
  }

  return { recall, recallToRecord, queryEmbedding };
}
