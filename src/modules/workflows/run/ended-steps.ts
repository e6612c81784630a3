import { sql } from 'drizzle-orm';
import { unflushed } from '../../../db/commit-unflushed.js';
import { workflowRunSteps, workflowRuns } from '../table.js';

/** An ended step's row as `endedStepsStatement` writes it. */
export interface EndedStepRow {
  runId: string;
  path: string;
  stepId: string;
  kind: string;
  status: string;
  output: unknown;
  outputTruncated: boolean;
  error: unknown;
  branch: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheHit: boolean;
  input: unknown;
  attempts: number;
  startedAt: Date;
  endedAt: Date;
}

/**
 * One statement, committed without waiting for the disk when run on its own (see `unflushed`):
 * upserts the steps' rows and adds those that had not ended before (a replay of an end is not
 * counted twice) to the run's progress; returns each row's `path` and `started_at`. All its parts
 * see the rows as they were before it (`before`). The run's row is locked before the steps' (`run`),
 * in the order a cancel takes them, which otherwise deadlocked with it. The rows go as one JSON parameter
 * (json_to_recordset), as the event bus writes events: a pipeline chunk ends hundreds of steps,
 * and building a statement of thousands of parameters cost more than the database's work.
 */
export function endedStepsStatement(runId: string, rows: EndedStepRow[]) {
  const paths = JSON.stringify(rows.map((row) => row.path));
  const incoming = JSON.stringify(
    rows.map((row) => ({
      run_id: row.runId,
      path: row.path,
      step_id: row.stepId,
      kind: row.kind,
      status: row.status,
      output: row.output ?? null,
      output_truncated: row.outputTruncated,
      error: row.error,
      branch: row.branch,
      model: row.model,
      input_tokens: row.inputTokens,
      output_tokens: row.outputTokens,
      cache_hit: row.cacheHit,
      input: row.input ?? null,
      attempts: row.attempts,
      started_at: row.startedAt.toISOString(),
      ended_at: row.endedAt.toISOString(),
    })),
  );
  return sql`with ${unflushed},
    run as (select id from ${workflowRuns} where id = ${runId} for no key update),
    before as (
      select path from ${workflowRunSteps}
      where run_id = ${runId} and status in ('succeeded', 'failed', 'skipped')
        and path in (select jsonb_array_elements_text(${paths}::jsonb))),
    upserted as (
      insert into ${workflowRunSteps}
        (run_id, path, step_id, kind, status, output, output_truncated, error, branch, model,
         input_tokens, output_tokens, cache_hit, input, attempts, started_at, ended_at)
      select run_id, path, step_id, kind, status, output, output_truncated, error, branch, model,
        input_tokens, output_tokens, cache_hit, input, attempts, started_at, ended_at
      from run, json_to_recordset(${incoming}::json) as incoming(run_id text, path text,
        step_id text, kind text, status text, output jsonb, output_truncated boolean, error jsonb,
        branch text, model text, input_tokens integer, output_tokens integer, cache_hit boolean,
        input jsonb, attempts integer, started_at timestamptz, ended_at timestamptz)
      on conflict (run_id, path) do update set
        status = excluded.status, output = excluded.output,
        output_truncated = excluded.output_truncated, error = excluded.error,
        branch = excluded.branch, model = excluded.model, input_tokens = excluded.input_tokens,
        output_tokens = excluded.output_tokens, cache_hit = excluded.cache_hit,
        attempts = greatest(${workflowRunSteps}.attempts, excluded.attempts),
        ended_at = excluded.ended_at
      returning path, started_at, cache_hit),
    fresh as (select cache_hit from upserted where path not in (select path from before)),
    progress as (
      update ${workflowRuns} set
        steps_done = steps_done + (select count(*) from fresh),
        cache_hits = cache_hits + (select count(*) from fresh where cache_hit)
      where id = ${runId} and exists (select from fresh))
    select path, started_at from upserted, unflushed`;
}
