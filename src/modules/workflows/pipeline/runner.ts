import { DBOS } from '@dbos-inc/dbos-sdk';
import type { PipelineSettings, WorkflowDefinition, WorkflowStepShape } from '../definition.js';
import type { BlockRunner } from '../run/blocks.js';
import type { EndedStep } from '../run/records.js';
import { resolveTemplates } from '../expressions.js';
import { isStepFailure, stepErrorOf } from '../run/failures.js';
import { type BlockContext, type PartResult, RunFailure } from '../run/run-state.js';
import type { StepEnvironment } from '../run/step-environment.js';
import type { StepScope } from '../run/step-kind.js';
import { writeCsv } from './csv.js';
import {
  type ItemRef,
  itemLabel,
  type PipelineDocuments,
  type PipelineSource,
  pipelineSourceSchema,
  resolveItems,
} from './items.js';
import type { PipelineRecords } from './records.js';

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

/** The kinds an item can run whole inside one DBOS step: one act each, no durable wait, no child. */
const inlineKinds = new Set(['tool', 'model', 'prompt']);

/**
 * Whether a pipeline's items run whole in one DBOS step each: every step one act of a tool, model
 * or prompt, tried once (a retry's delay is a durable sleep), failing or continuing without a
 * compensation. Otherwise each item is a child DBOS workflow with a DBOS step per step.
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
 * Runs a pipeline: its item set resolved (one DBOS step), then its steps once per item, at most
 * `concurrency` items at once, awaited oldest first. An item of act steps only (see
 * {@link itemsRunInline}) is one DBOS step of the run: loaded, its steps run, its step rows, its
 * row and the run's counts written in one commit, then DBOS's checkpoint, so a finished item never
 * runs again and costs one synchronous commit. Any other item is a part of the run (a child DBOS
 * workflow `<run>:items[i]`, a DBOS step per step), settled by a DBOS step of its own. An item that
 * fails is recorded and the others go on; the pause flag is read as each item settles, so a paused
 * run starts no new item until it is resumed. At the end, the report note if the pipeline asks.
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

    /** An item's row and the run's counts (with its kept step rows); gives whether it succeeded and the pause. */
    const settle = async (index: number, result: PartResult, stepEnds?: EndedStep[]) => {
      const ref = refs[index] as ItemRef;
      const row = result.ok
        ? reportRow(settings, result, index, ref, scope)
        : ({ ok: false, error: result.failure } as const);
      const { paused: pausedNow } = await pipelineRecords.settleItem(
        context.actor,
        context.run.id,
        {
          index,
          label: itemLabel(ref),
          ref: ref as unknown as Record<string, unknown>,
          status: row.ok ? 'succeeded' : 'failed',
          ...(row.ok ? { output: row.value } : { error: row.error }),
        },
        stepEnds,
      );
      return { ok: row.ok, paused: pausedNow };
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
      if (inline) {
        // DBOS numbers the step as it is called (before any await): several run at once in order.
        const settled = DBOS.runStep(
          async () => {
            const stepEnds: EndedStep[] = [];
            const result = await runPart(spec, {
              run: context.run,
              actor: context.actor,
              sequential: true,
              stepEnds,
            });
            return settle(index, result, stepEnds);
          },
          { name: prefix },
        );
        settled.catch(() => {}); // awaited in order by settleOldest
        return { index, settled: () => settled };
      }
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

    for (let index = 0; index < refs.length; index++) {
      if (running.length >= settings.concurrency) await settleOldest();
      await waitWhilePaused();
      running.push(await startItem(index));
    }
    while (running.length > 0) await settleOldest();

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
