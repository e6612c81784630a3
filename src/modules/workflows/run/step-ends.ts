import { type SQL, sql } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import type { WorkflowDeps } from '../deps.js';
import { workflowRunSteps, workflowRuns, workflowStepCache } from '../table.js';
import { cappedOutput, largestStoredOutput } from './output-cap.js';
import type { EndedStep } from './records.js';
import type { RunMetrics } from './run-metrics.js';

/** A step row as the statement that ended it gave it back: when it started (its running row's time). */
export interface WrittenStep {
  path: string;
  started_at: Date | string | null;
}

/**
 * The CTEs that write steps' ends, for a statement that also counts them on the run: `locked_run`,
 * `ended_before` (the paths among them already ended: a replay of their end), `incoming_steps`
 * (the rows given), `copy_missed` (see below), `ended_steps` (each row written: `path`,
 * `started_at`) and `fresh_steps` (one row: `steps`, `hits`, those not ended before, which the run
 * counts). The rows go as one JSON parameter (json_to_recordset), as the event bus writes
 * events: a pipeline chunk ends hundreds of steps, and a statement of thousands of parameters cost
 * more to build than the database's work. The paths already ended are looked up as an array
 * (`= any(array(…))`), which the primary key answers; `path in (select …)` over the JSON's elements
 * was planned as a nested loop over all the run's steps, quadratic in a pipeline run (0.3 s per
 * chunk at 5,000 steps).
 *
 * With `copyHitsOf` (the run's owner), a cache hit's output is not sent: its row copies it from the
 * user's step cache entry it was read from (`StepEnd.cacheEntry`), in the statement; a warm
 * pipeline chunk's outputs then never go back through JSON. An entry gone or written again since
 * it was read, or whose text may pass the 256 KB cap (its `jsonb` text, with its spaces, is never
 * shorter than `JSON.stringify`'s), is not copied: its row is written with no output and its path
 * is in the CTE `copy_missed` (`path`), for the caller to write it from its own copy of the output
 * ({@link missedCopies}).
 */
export function endedStepsCtes(runId: string, ends: EndedStep[], copyHitsOf?: string): SQL[] {
  const rows = ends.map(({ step, end, begun, at }) => {
    const copied = copyHitsOf !== undefined && end.status === 'succeeded' && end.cacheHit && end.cacheEntry;
    const { output, truncated } = copied ? { output: null, truncated: false } : cappedOutput(end.output);
    return {
      run_id: runId,
      path: step.path,
      step_id: step.id,
      kind: step.kind,
      status: end.status,
      output: output ?? null,
      output_truncated: truncated,
      error: end.error ?? null,
      branch: end.branch ?? null,
      model: end.model ?? null,
      input_tokens: end.inputTokens ?? null,
      output_tokens: end.outputTokens ?? null,
      cache_hit: end.cacheHit ?? false,
      cache_key: copied ? copied.key : null,
      cache_created_at: copied ? copied.createdAt : null,
      input: begun ? (begun.input === undefined ? null : (cappedOutput(begun.input).output ?? null)) : null,
      // A retry's row was written before its delay, with the attempt before this one.
      attempts: begun?.attempt ?? 0,
      started_at: (begun?.startedAt ?? at).toISOString(),
      ended_at: at.toISOString(),
    };
  });
  const paths = JSON.stringify(rows.map((row) => row.path));
  return [
    // The run's row is locked before the steps' rows, in the order a cancel takes them: the other
    // order deadlocked with a cancel (the approval test's cancelled run).
    sql`locked_run as (select id from ${workflowRuns} where id = ${runId} for no key update)`,
    sql`ended_before as (select path from ${workflowRunSteps}
      where run_id = ${runId} and path = any(array(select jsonb_array_elements_text(${paths}::jsonb)))
        and status in ('succeeded', 'failed', 'skipped'))`,
    // Materialized: read once, by the insert and by copy_missed.
    sql`incoming_steps as materialized (select incoming.*, copied.output as copied_output,
        incoming.cache_key is not null and copied.key is null as copy_missed
      from json_to_recordset(${JSON.stringify(rows)}::json) as incoming(run_id text, path text,
        step_id text, kind text, status text, output jsonb, output_truncated boolean, error jsonb,
        branch text, model text, input_tokens integer, output_tokens integer, cache_hit boolean,
        cache_key text, cache_created_at timestamptz, input jsonb, attempts integer,
        started_at timestamptz, ended_at timestamptz)
      left join ${workflowStepCache} as copied on incoming.cache_key is not null
        and copied.owner_id = ${copyHitsOf ?? null} and copied.key = incoming.cache_key
        and copied.created_at = incoming.cache_created_at
        and octet_length(copied.output::text) <= ${largestStoredOutput})`,
    sql`copy_missed as (select path from incoming_steps where copy_missed)`,
    sql`ended_steps as (insert into ${workflowRunSteps}
      (run_id, path, step_id, kind, status, output, output_truncated, error, branch, model,
       input_tokens, output_tokens, cache_hit, input, attempts, started_at, ended_at)
      select run_id, path, step_id, kind, status,
        case when cache_key is null then output else copied_output end,
        output_truncated, error, branch, model,
        input_tokens, output_tokens, cache_hit, input, attempts, started_at, ended_at
      from locked_run, incoming_steps
      on conflict (run_id, path) do update set
        status = excluded.status, output = excluded.output,
        output_truncated = excluded.output_truncated, error = excluded.error,
        branch = excluded.branch, model = excluded.model, input_tokens = excluded.input_tokens,
        output_tokens = excluded.output_tokens, cache_hit = excluded.cache_hit,
        attempts = greatest(${workflowRunSteps}.attempts, excluded.attempts),
        ended_at = excluded.ended_at
      returning path, started_at, cache_hit)`,
    sql`fresh_steps as (select count(*)::int as steps, (count(*) filter (where cache_hit))::int as hits
      from ended_steps where path not in (select path from ended_before))`,
  ];
}

/**
 * The ends whose output `endedStepsCtes` could not copy from the cache (the paths of its
 * `copy_missed`), to write again from their own outputs (with no `copyHitsOf`).
 */
export function missedCopies(ends: EndedStep[], missed: string[]): EndedStep[] {
  if (missed.length === 0) return [];
  const paths = new Set(missed);
  return ends.filter((ended) => paths.has(ended.step.path));
}

/**
 * After their rows: the steps' duration metrics and events. A step whose output came from the cache
 * is left out of the events when `quietHits` (a pipeline chunk's: its items' progress events say
 * how far it went, and its step rows say which steps were hits).
 */
export function announceStepEnds(
  { bus, metrics }: { bus: WorkflowDeps['bus']; metrics: RunMetrics },
  actor: UserActor,
  runId: string,
  ends: EndedStep[],
  written: WrittenStep[],
  { quietHits = false }: { quietHits?: boolean } = {},
): void {
  const startedAt = new Map(written.map((row) => [row.path, row.started_at]));
  for (const { step, end, at } of ends) {
    const started = startedAt.get(step.path);
    const durationMs = started ? at.getTime() - new Date(started).getTime() : 0;
    metrics.steps.observe({ kind: step.kind, status: end.status }, durationMs / 1000);
    if (quietHits && end.cacheHit) continue;
    // Batched with the other events of the moment (one write for many steps and runs, within
    // milliseconds): a step's event can reach a WebSocket just after its run's end event, which
    // is published at once; their `at` keeps the true order. The rows are the truth.
    if (end.status === 'failed')
      bus.publishSoon(actor, 'workflow.step.failed', {
        run_id: runId,
        owner_id: actor.userId,
        step_path: step.path,
        error_code: end.error?.code ?? 'STEP_FAILED',
      });
    else
      bus.publishSoon(actor, 'workflow.step.completed', {
        run_id: runId,
        owner_id: actor.userId,
        step_path: step.path,
        status: end.status,
        duration_ms: durationMs,
      });
  }
}
