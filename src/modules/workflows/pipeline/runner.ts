import { DBOS } from '@dbos-inc/dbos-sdk';
import type { PipelineSettings, WorkflowDefinition, WorkflowStepShape } from '../definition.js';
import type { BlockRunner } from '../run/blocks.js';
import type { EndedStep } from '../run/records.js';
import { cacheKeysAhead, cachedAhead, type KeyAhead } from '../run/single-step.js';
import { resolveTemplates } from '../expressions.js';
import { isStepFailure, stepErrorOf } from '../run/failures.js';
import { type BlockContext, type CacheWrite, type PartResult, RunFailure } from '../run/run-state.js';
import type { StepEnvironment } from '../run/step-environment.js';
import type { StepResult, StepScope } from '../run/step-kind.js';
import { writeCsv } from './csv.js';
import {
  type ItemRef,
  itemLabel,
  loadItems,
  type PipelineItem,
  type PipelineDocuments,
  type PipelineSource,
  pipelineSourceSchema,
  resolveItems,
} from './items.js';
import type { PipelineRecords, SettledItem } from './records.js';

/** The DBOS message topic that wakes a paused pipeline. */
export const resumeTopic = 'pipeline.resume';
/** How long a paused pipeline sleeps between looks at its row (a resume message wakes it at once). */
const pausedLookSeconds = 30;

/** What a pipeline run returns: its counts, and the report note when it made one. */
export interface PipelineOutput {
  total: number;
  succeeded: number;
  failed: number;
  report_document_id: string | null;
}

/**
 * A chunk: the items one DBOS step runs (items of act steps only). It starts new items until it
 * holds `chunkItems` or has run `chunkBudgetMs`, so a checkpoint (a synchronous commit), DBOS's
 * reads around a step and a settle serve many fast items (on a loaded database each round trip
 * costs tens of milliseconds), while slow items (a model's) still settle, and show, about every
 * half second. A crash runs the unfinished chunk again: its acts are keyed by their path (see
 * single-step.ts), and its rows are upserts.
 */
const chunkItems = 200;
const chunkBudgetMs = 500;
/** How often a chunk under way looks whether its run was paused or cancelled. */
const heldLookMs = 100;
/**
 * The items of a chunk read (documents, cache entries) together: half as many as the last chunk
 * covered, between these bounds, so a chunk of fast items (cache hits) makes two round trips of
 * reads where one of slow items does not read far past where its time runs out.
 */
const loadBatch = { least: 40, most: 100 };

/** What a chunk's DBOS step records: how many items it covered, how they ended, and the pause. */
interface ChunkOutcome {
  covered: number;
  succeeded: number;
  failed: number;
  paused: boolean;
}

/** An item of a chunk made ready, or the failure reading it. */
type PreparedItem =
  | { ok: true; item: PipelineItem; cached?: NonNullable<BlockContext['cached']> }
  | { ok: false; failure: { code: string; message: string; step_path: string } };

/** The kinds an item can run whole inside one DBOS step: one act each, no durable wait, no child. */
const inlineKinds = new Set(['tool', 'model', 'prompt']);

/**
 * Whether a pipeline's items run whole inside a DBOS step (a chunk of them, see
 * {@link chunkItems}): every step one act of a tool, model or prompt, tried once (a retry's delay
 * is a durable sleep), failing or continuing without a compensation. Otherwise each item is a
 * child DBOS workflow with a DBOS step per step.
 */
export function itemsRunInline(steps: WorkflowStepShape[]): boolean {
  return steps.every(
    (step) =>
      inlineKinds.has(step.kind) &&
      'on_error' in step &&
      typeof step.on_error === 'string' &&
      (step.retry?.attempts ?? 1) <= 1,
  );
}

/** An item under way: awaits its end (its settle included): whether it succeeded, and the pause then. */
interface ItemUnderWay {
  index: number;
  settled(): Promise<{ ok: boolean; paused: boolean }>;
}

/**
 * Runs a pipeline: its item set resolved (one DBOS step), then its steps once per item. Items of act
 * steps only (see {@link itemsRunInline}) run in chunks, each one DBOS step of the run: up to
 * `concurrency` items at once, their steps run, then their step rows, their rows and the run's counts
 * written in one commit, then DBOS's checkpoint, so a finished chunk never runs again and costs one
 * synchronous commit. Any other item is a part of the run (a child DBOS workflow `<run>:items[i]`, a
 * DBOS step per step), at most `concurrency` at once, each settled by a DBOS step of its own. An item
 * that fails is recorded and the others go on; the pause flag is read as each chunk or item settles,
 * so a paused run starts no new one until it is resumed. At the end, the report note if asked.
 */
export function createPipelineRunner(
  env: StepEnvironment,
  pipelineRecords: PipelineRecords,
  documents: PipelineDocuments,
  runPart: BlockRunner['runPart'],
) {
  return async function runPipeline(
    definition: WorkflowDefinition,
    scope: StepScope,
    context: BlockContext,
  ): Promise<PipelineOutput> {
    const settings: PipelineSettings = definition.pipeline ?? { concurrency: 4 };
    const parsed = pipelineSourceSchema.safeParse(scope.input);
    if (!parsed.success)
      throw new RunFailure('RUN_INPUT_INVALID', parsed.error.issues[0]?.message ?? 'No items', 'items');
    const source: PipelineSource = parsed.data;
    const stepsPerItem = definition.steps.length;
    let refs: ItemRef[];
    try {
      refs = await DBOS.runStep(
        async () => {
          const found = await resolveItems(documents, context.actor, source);
          await pipelineRecords.itemsKnown(context.run.id, found.length, stepsPerItem);
          return found;
        },
        { name: 'items' },
      );
    } catch (error) {
      if (!isStepFailure(error)) throw error;
      const { code, message } = stepErrorOf(error, env.deps.logger, 'items');
      throw new RunFailure(code, message, 'items');
    }

    const inline = itemsRunInline(definition.steps);
    const running: ItemUnderWay[] = [];
    let succeeded = 0;
    let failed = 0;
    let paused = false;
    /** How many items the last chunk covered (sizes the next one's reads; nothing else). */
    let lastCovered = 0;

    /** An item's row as it ended (a report row that cannot be made fails it). */
    const itemRow = (index: number, result: PartResult): SettledItem => {
      const ref = refs[index] as ItemRef;
      const row = result.ok
        ? reportRow(settings, result, index, ref, scope)
        : ({ ok: false, error: result.failure } as const);
      return {
        index,
        label: itemLabel(ref),
        ref: ref as unknown as Record<string, unknown>,
        status: row.ok ? 'succeeded' : 'failed',
        ...(row.ok ? { output: row.value } : { error: row.error }),
      };
    };

    /** An item's row and the run's counts; gives whether it succeeded and the pause. */
    const settle = async (index: number, result: PartResult) => {
      const row = itemRow(index, result);
      const { paused: pausedNow } = await pipelineRecords.settleItems(context.actor, context.run.id, {
        items: [row],
      });
      return { ok: row.status === 'succeeded', paused: pausedNow };
    };

    /**
     * Runs items from `start` as one DBOS step (a chunk): up to `concurrency` at once, starting new
     * ones until {@link chunkItems} or {@link chunkBudgetMs}; their documents and cache entries read
     * a batch at a time; then their rows, their steps' rows, their new cache entries and the run's
     * counts in one commit, and DBOS's checkpoint of the chunk. A pause or a cancel seen meanwhile
     * stops it starting items. Gives how many items it covered (a replay reads it back).
     */
    const runChunk = (start: number) =>
      DBOS.runStep(
        async (): Promise<ChunkOutcome> => {
          const began = performance.now();
          const end = Math.min(refs.length, start + chunkItems);
          const batchItems = Math.min(loadBatch.most, Math.max(loadBatch.least, Math.ceil(lastCovered / 2)));
          const batches = new Map<number, Promise<PreparedItem[]>>();
          const batchAt = (first: number) => {
            let batch = batches.get(first);
            if (!batch) {
              batch = prepareItems(first, Math.min(end, first + batchItems));
              batch.catch(() => {}); // awaited by its items
              batches.set(first, batch);
            }
            return batch;
          };
          // An item's batch, and the next one read meanwhile (round trips, not work, bound fast items).
          const prepared = (index: number): Promise<PreparedItem> => {
            const first = start + Math.floor((index - start) / batchItems) * batchItems;
            if (first + batchItems < end) batchAt(first + batchItems);
            return batchAt(first).then((items) => items[index - first] as PreparedItem);
          };
          const rows: SettledItem[] = [];
          const stepEnds: EndedStep[] = [];
          const cacheWrites: CacheWrite[] = [];
          let next = start;
          // A pause or a cancel stops the chunk starting items (those under way finish).
          let held = false;
          const look = setInterval(() => {
            pipelineRecords.isHeld(context.run.id).then(
              (now) => void (held ||= now),
              () => {},
            );
          }, heldLookMs);
          const worker = async () => {
            while (next < end && (next === start || (!held && performance.now() - began < chunkBudgetMs))) {
              const index = next++;
              const ready = await prepared(index);
              let result: PartResult;
              if (!ready.ok) result = { ok: false, failure: ready.failure };
              else {
                const prefix = `items[${index}]`;
                const ends: EndedStep[] = [];
                result = await runPart(
                  {
                    mode: 'block',
                    steps: definition.steps,
                    prefix,
                    scope: { ...scope, steps: {}, index, item: ready.item },
                  },
                  {
                    run: context.run,
                    actor: context.actor,
                    sequential: true,
                    stepEnds: ends,
                    cacheWrites,
                    ...(ready.cached ? { cached: ready.cached } : {}),
                  },
                );
                stepEnds.push(...ends);
              }
              rows.push(itemRow(index, result));
            }
          };
          try {
            await Promise.all(Array.from({ length: settings.concurrency }, worker));
          } finally {
            clearInterval(look);
          }
          rows.sort((a, b) => a.index - b.index);
          const { paused: pausedNow } = await pipelineRecords.settleItems(context.actor, context.run.id, {
            items: rows,
            stepEnds,
            copyHitsOf: context.run.ownerId,
            // Kept with the chunk's rows: lost only with them (a crash), and then computed again.
            alongside:
              env.cache && cacheWrites.length > 0
                ? [env.cache.entriesCte(context.run.ownerId, cacheWrites)]
                : [],
          });
          const ok = rows.filter((row) => row.status === 'succeeded').length;
          return { covered: rows.length, succeeded: ok, failed: rows.length - ok, paused: pausedNow };
        },
        { name: `items[${start}..]` },
      );

    /** Items `from` to `to` made ready: read (documents in one query), their cache entries looked up at once. */
    const prepareItems = async (from: number, to: number): Promise<PreparedItem[]> => {
      const batch = [];
      for (let index = from; index < to; index++) batch.push({ ref: refs[index] as ItemRef, index });
      const loaded = await loadItems(documents, context.actor, batch);
      const keysOf = loaded.map((one, at): KeyAhead[] =>
        one.ok && env.cache
          ? cacheKeysAhead(env, definition.steps, { ...scope, steps: {}, index: from + at, item: one.item })
          : [],
      );
      const allKeys = [...new Set(keysOf.flat().map((one) => one.key))];
      const found =
        env.cache && allKeys.length > 0
          ? await env.cache.lookupMany(context.run.ownerId, allKeys)
          : new Map<string, StepResult>();
      return loaded.map((one, at): PreparedItem => {
        if (one.ok) {
          const ahead = keysOf[at] as KeyAhead[];
          return {
            ok: true,
            item: one.item,
            ...(ahead.length > 0 ? { cached: cachedAhead(ahead, found) } : {}),
          };
        }
        const prefix = `items[${from + at}]`;
        const { code, message } = stepErrorOf(one.error, env.deps.logger, prefix);
        return { ok: false, failure: { code, message, step_path: prefix } };
      });
    };

    /** Starts an item: the calls to DBOS are made in index order, so a replay meets them in that order. */
    const startItem = async (index: number): Promise<ItemUnderWay> => {
      const prefix = `items[${index}]`;
      const spec = {
        run: context.run,
        mode: 'block' as const,
        steps: definition.steps,
        prefix,
        path: prefix,
        scope: { ...scope, steps: {}, index },
        item: { ref: refs[index] as ItemRef, index },
      };
      const handle = await env.startPart(spec);
      return {
        index,
        // Its settle is a DBOS step of the run's, called when settleOldest comes to it: in index order.
        settled: async () => {
          const result = await handle.getResult();
          return DBOS.runStep(() => settle(index, result), { name: `${prefix}.settled` });
        },
      };
    };

    /** Awaits the oldest item under way: counts how it ended, reads the pause flag. */
    const settleOldest = async () => {
      const { settled } = running.shift() as ItemUnderWay;
      const ended = await settled();
      if (ended.ok) succeeded++;
      else failed++;
      paused = ended.paused;
    };

    const waitWhilePaused = async () => {
      while (paused) {
        await DBOS.recv(resumeTopic, pausedLookSeconds);
        paused = await DBOS.runStep(() => pipelineRecords.isPaused(context.run.id), { name: 'paused' });
      }
    };

    if (inline) {
      for (let index = 0; index < refs.length;) {
        await waitWhilePaused();
        const chunk = await runChunk(index);
        index += chunk.covered;
        lastCovered = chunk.covered;
        succeeded += chunk.succeeded;
        failed += chunk.failed;
        paused = chunk.paused;
      }
    } else {
      for (let index = 0; index < refs.length; index++) {
        if (running.length >= settings.concurrency) await settleOldest();
        await waitWhilePaused();
        running.push(await startItem(index));
      }
      while (running.length > 0) await settleOldest();
    }

    let reportId: string | null = null;
    if (settings.report) {
      const report = settings.report;
      reportId = await DBOS.runStep(
        async () => {
          const rows = await pipelineRecords.items(context.run.id);
          const title = String(resolveTemplates(report.title, scope as unknown as Record<string, unknown>));
          // Rows keep the columns of the file they came from in its order (stored rows do not).
          const first = refs.find((ref) => ref.kind === 'row');
          const order = first?.kind === 'row' ? Object.keys(first.row) : [];
          const { content, mimeType } = reportContent(report.format, title, rows, report.dedupe, order);
          const created = await documents.create(context.actor, {
            kind: 'text',
            name: title.slice(0, 255),
            content,
            mime_type: mimeType,
            tags: report.tags,
          });
          return created.id;
        },
        { name: 'report' },
      );
    }
    return { total: refs.length, succeeded, failed, report_document_id: reportId };
  };
}

type RowResult =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; step_path?: string } };

/**
 * An item's row for the report: its `row` or `columns` resolved over the item and its steps (or its
 * last output), checked for the `required` fields. A row that cannot be made, or misses a required
 * field, fails the item.
 */
function reportRow(
  settings: PipelineSettings,
  result: Extract<PartResult, { ok: true }>,
  index: number,
  ref: ItemRef,
  scope: StepScope,
): RowResult {
  const report = settings.report;
  if (!report || (!report.columns && !report.row)) return { ok: true, value: result.last };
  const item = ref.kind === 'row' ? { index, row: ref.row } : { index, ...ref };
  const values = { input: scope.input, run: scope.run, item, steps: result.steps, index };
  const at = `items[${index}]`;
  try {
    let value: unknown = report.row
      ? resolveTemplates(report.row, values)
      : resolveTemplates(report.columns, values);
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return {
          ok: false,
          error: { code: 'ROW_INVALID', message: 'The row is not valid JSON', step_path: at },
        };
      }
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return {
        ok: false,
        error: { code: 'ROW_INVALID', message: 'The row is not an object', step_path: at },
      };
    const required = report.required === undefined ? [] : resolveTemplates(report.required, values);
    const missing = (Array.isArray(required) ? required : []).filter((field) => {
      const cell = (value as Record<string, unknown>)[String(field)];
      return cell === undefined || cell === null || String(cell).trim() === '';
    });
    if (missing.length > 0)
      return {
        ok: false,
        error: { code: 'FIELD_MISSING', message: `The row has no ${missing.join(', ')}`, step_path: at },
      };
    return { ok: true, value };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'EXPRESSION_FAILED', message: (error as Error).message, step_path: at },
    };
  }
}

type ItemRow = Awaited<ReturnType<PipelineRecords['items']>>[number];

/** The report: a Markdown table of every item, or the rows of the succeeded items as CSV or JSON. */
export function reportContent(
  format: 'markdown' | 'csv' | 'json',
  title: string,
  rows: ItemRow[],
  dedupe = false,
  order: string[] = [],
): { content: string; mimeType: 'text/markdown' | 'text/plain' } {
  const ok = rows.filter((row) => row.status === 'succeeded');
  const seen = new Set<string>();
  const kept =
    dedupe && format !== 'markdown'
      ? ok.filter((row) => {
          const key = JSON.stringify(row.output);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
      : ok;
  const ordered = (values: Record<string, unknown>) =>
    Object.fromEntries(
      [
        ...order.filter((key) => key in values),
        ...Object.keys(values).filter((key) => !order.includes(key)),
      ].map((key) => [key, values[key]]),
    );
  const flat = kept.map((row) =>
    row.output && typeof row.output === 'object' && !Array.isArray(row.output)
      ? ordered(row.output as Record<string, unknown>)
      : { value: row.output },
  );
  if (format === 'json') return { content: `${JSON.stringify(flat, null, 2)}\n`, mimeType: 'text/plain' };
  if (format === 'csv') return { content: writeCsv(flat), mimeType: 'text/plain' };
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))].slice(0, 12);
  const cell = (value: unknown) =>
    (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value))
      .replace(/\|/g, '\\|')
      .replace(/\s+/g, ' ')
      .slice(0, 200);
  const failed = rows.length - ok.length;
  const lines = [
    `# ${title}`,
    '',
    `${rows.length} items: ${ok.length} succeeded, ${failed} failed.`,
    '',
    `| # | item | status | ${columns.join(' | ')} |`,
    `| - | ---- | ------ | ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => {
      const output = (row.output ?? {}) as Record<string, unknown>;
      const values =
        row.status === 'succeeded' ? columns.map((column) => cell(output[column])) : columns.map(() => '');
      const status = row.status === 'succeeded' ? 'ok' : `failed: ${cell(row.error?.code)}`;
      return `| ${row.index + 1} | ${cell(row.label)} | ${status} | ${values.join(' | ')} |`;
    }),
  ];
  return { content: `${lines.join('\n')}\n`, mimeType: 'text/markdown' };
}
