import { createHash } from 'node:crypto';
import { and, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../canonical-json.js';
import { version } from '../../../version.js';
import type { WorkflowDeps } from '../deps.js';
import type { StepResult } from '../run/step-kind.js';
import { workflowStepCache } from '../table.js';
import { executeUnflushed } from '../../../db/commit-unflushed.js';

/** The kinds whose act a cache key can name: a tool, a model, a library prompt. */
const cacheableKinds = new Set(['tool', 'model', 'prompt']);

/** The most results one run keeps in memory for its repeated pure steps. */
const memoLimit = 5_000;

/** A cache row as the step result it keeps, naming the entry it came from. */
function resultOf(row: typeof workflowStepCache.$inferSelect): StepResult {
  return {
    output: row.output,
    ...(row.model ? { model: row.model } : {}),
    ...(row.inputTokens !== null ? { inputTokens: row.inputTokens } : {}),
    ...(row.outputTokens !== null ? { outputTokens: row.outputTokens } : {}),
    cacheEntry: { key: row.key, createdAt: row.createdAt.toISOString() },
  };
}

/** What a cache key is made of: the step's act (kind and tool or model) and its resolved input. */
export interface CacheSubject {
  kind: string;
  /** The tool name, the model id (or `default`), the prompt name. */
  subject: string;
}

/**
 * Step outputs reused: across runs for `cache: true` steps (the workflow_step_cache table, per
 * user, expiring), and within one run for pure steps repeated with the same input (in memory, kept
 * until the run ends). A key is the hash of the kind, the tool or model, the version of the code
 * that acts (the package version: an upgrade starts a fresh cache) and the input.
 */
export function createStepCache(deps: Pick<WorkflowDeps, 'db' | 'clock' | 'config'>) {
  const memos = new Map<string, Map<string, Promise<StepResult | undefined>>>();

  /**
   * The CTE `stored_entries` that keeps several outputs for the user, for a statement that writes
   * more (a pipeline chunk's settle); the last of a key given twice wins.
   */
  function entriesCte(ownerId: string, writes: { key: string; subject: string; result: StepResult }[]): SQL {
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + deps.config.workflowCacheTtlHours * 3_600_000);
    const byKey = new Map(writes.map((write) => [write.key, write]));
    const rows = [...byKey.values()].map(({ key, subject, result }) => ({
      key,
      subject,
      output: result.output ?? null,
      model: result.model ?? null,
      input_tokens: result.inputTokens ?? null,
      output_tokens: result.outputTokens ?? null,
    }));
    return sql`stored_entries as (insert into ${workflowStepCache}
      (owner_id, key, subject, hits, output, model, input_tokens, output_tokens, created_at, expires_at)
      select ${ownerId}, key, subject, 0, output, model, input_tokens, output_tokens,
        ${now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(rows)}::json) as incoming(key text, subject text,
        output jsonb, model text, input_tokens integer, output_tokens integer)
      on conflict (owner_id, key) do update set output = excluded.output, model = excluded.model,
        input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
        created_at = excluded.created_at, expires_at = excluded.expires_at)`;
  }

  return {
    /** The key of a step's act with this input, or undefined for a kind that cannot be cached. */
    keyOf({ kind, subject }: CacheSubject, input: unknown): string | undefined {
      if (!cacheableKinds.has(kind)) return undefined;
      return createHash('sha256')
        .update(canonicalJson([kind, subject, version, input]))
        .digest('base64url');
    },

    /**
     * The output kept for the user under this key, if it has not expired. A read only: counting
     * hits here would add a synchronous commit to every hit (the run's step rows count them).
     */
    async lookup(ownerId: string, key: string): Promise<StepResult | undefined> {
      const [row] = await deps.db
        .select()
        .from(workflowStepCache)
        .where(
          and(
            eq(workflowStepCache.ownerId, ownerId),
            eq(workflowStepCache.key, key),
            gt(workflowStepCache.expiresAt, deps.clock.now()),
          ),
        );
      return row && resultOf(row);
    },

    /**
     * The outputs kept for the user under these keys (one query, the keys one parameter): each key
     * found, with its output.
     */
    async lookupMany(ownerId: string, keys: string[]): Promise<Map<string, StepResult>> {
      if (keys.length === 0) return new Map();
      const rows = await deps.db
        .select()
        .from(workflowStepCache)
        .where(
          and(
            eq(workflowStepCache.ownerId, ownerId),
            sql`${workflowStepCache.key} = any(array(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`,
            gt(workflowStepCache.expiresAt, deps.clock.now()),
          ),
        );
      return new Map(rows.map((row) => [row.key, resultOf(row)]));
    },

    /** Keeps a step's output for the user until WORKFLOW_CACHE_TTL_HOURS from now. */
    async store(ownerId: string, key: string, subject: string, result: StepResult): Promise<void> {
      // Without waiting for the disk: a cache entry lost in a crash is only computed again.
      await executeUnflushed(deps.db, [entriesCte(ownerId, [{ key, subject, result }])], sql`select 1`);
    },

    entriesCte,

    /** Removes the user's entries (of one tool or model when `subject` is given); gives how many. */
    async clear(ownerId: string, subject?: string): Promise<number> {
      const removed = await deps.db
        .delete(workflowStepCache)
        .where(
          and(
            eq(workflowStepCache.ownerId, ownerId),
            subject === undefined ? undefined : eq(workflowStepCache.subject, subject),
          ),
        )
        .returning({ key: workflowStepCache.key });
      return removed.length;
    },

    /** Removes every user's expired entries (the hourly sweep); gives how many. */
    async sweep(): Promise<number> {
      const removed = await deps.db
        .delete(workflowStepCache)
        .where(lt(workflowStepCache.expiresAt, deps.clock.now()))
        .returning({ key: workflowStepCache.key });
      return removed.length;
    },

    /**
     * The result a pure step gave (or is computing, in an item under way) in this run for this key;
     * undefined when that computation failed.
     */
    remembered: (runId: string, key: string): Promise<StepResult | undefined> | undefined =>
      memos.get(runId)?.get(key),

    /**
     * Claims the computing of a pure step's result in this run: the same step with the same input
     * elsewhere in the run (an item under way at the same time) waits for it rather than computing it
     * too. Give `settle` the result, or nothing when the step failed (the waiters then act themselves).
     */
    claim(runId: string, key: string): { settle(result?: StepResult): void } {
      let memo = memos.get(runId);
      if (!memo) memos.set(runId, (memo = new Map()));
      if (memo.size >= memoLimit) return { settle: () => {} };
      let settle: (result?: StepResult) => void = () => {};
      const computing = new Promise<StepResult | undefined>((resolve) => (settle = resolve));
      memo.set(key, computing);
      return {
        settle(result?: StepResult) {
          settle(result);
          if (!result) memo.delete(key);
        },
      };
    },

    /** The run ended: its memo goes. */
    forgetRun: (runId: string): void => void memos.delete(runId),
  };
}

export type StepCache = ReturnType<typeof createStepCache>;
