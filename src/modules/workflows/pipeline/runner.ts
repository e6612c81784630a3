import { DBOS } from '@dbos-inc/dbos-sdk';
import type { PipelineSettings, WorkflowDefinition } from '../definition.js';
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

/**
 * Runs a pipeline: its item set resolved (one DBOS step), then its steps once per item, each item
 * a part of the run (a child DBOS workflow `<run>:items[i]`) with at most `concurrency` at once,
 * awaited oldest first. An item that fails is recorded and the others go on; after each item its
 * row and the run's counts are written and the pause flag read, so a paused run starts no new item
 * until it is resumed. At the end, the report note if the pipeline asks for one.
 */
export function createPipelineRunner(
  env: StepEnvironment,
  pipelineRecords: PipelineRecords,
  documents: PipelineDocuments,
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

    const running: { index: number; handle: { getResult(): Promise<PartResult> } }[] = [];
    let succeeded = 0;
    let failed = 0;
    let paused = false;

    /** Awaits the oldest item under way, records how it ended, reads the pause flag. */
    const settleOldest = async () => {
      const { index, handle } = running.shift() as (typeof running)[number];
      const result = await handle.getResult();
      const ref = refs[index] as ItemRef;
      const row = result.ok
        ? reportRow(settings, result, index, ref, scope)
        : ({ ok: false, error: result.failure } as const);
      if (row.ok) succeeded++;
      else failed++;
      ({ paused } = await DBOS.runStep(
        () =>
          pipelineRecords.settleItem(context.actor, context.run.id, {
            index,
            label: itemLabel(ref),
            ref: ref as unknown as Record<string, unknown>,
            status: row.ok ? 'succeeded' : 'failed',
            ...(row.ok ? { output: row.value } : { error: row.error }),
          }),
        { name: `items[${index}].settled` },
      ));
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
      const prefix = `items[${index}]`;
      running.push({
        index,
        handle: await env.startPart({
          run: context.run,
          mode: 'block',
          steps: definition.steps,
          prefix,
          path: prefix,
          scope: { ...scope, steps: {}, index },
          item: { ref: refs[index] as ItemRef, index },
        }),
      });
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
