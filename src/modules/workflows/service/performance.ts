import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { UserActor } from '../../../actor.js';
import type { WorkflowDeps } from '../deps.js';
import { workflowRunSteps, workflowRuns } from '../table.js';

export const performanceQuerySchema = z.object({
  runs: z.coerce.number().int().min(1).max(500).default(50).describe('How many of your last runs to read'),
});
export type PerformanceQuery = z.input<typeof performanceQuerySchema>;

const stepFigures = z.object({
  step_id: z.string(),
  kind: z.string(),
  executions: z.number().int().describe('Step rows over the runs read (a pipeline: one per item)'),
  p50_ms: z.number().nullable(),
  p95_ms: z.number().nullable(),
  total_ms: z.number(),
  share_of_time: z.number().describe("This step's part of all the steps' time, 0–1"),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cache_hit_rate: z.number().describe("Executions answered from the cache or the run's memo, 0–1"),
  failure_rate: z.number().describe('Executions that failed, 0–1'),
});

export const workflowPerformanceSchema = z
  .object({
    workflow_id: z.string(),
    runs: z.number().int().describe('Runs read (yours, newest first)'),
    run_p50_ms: z.number().nullable(),
    run_p95_ms: z.number().nullable(),
    run_failure_rate: z.number(),
    steps: z.array(stepFigures).describe('Slowest (most total time) first'),
    dominating_step: z.string().nullable().describe('The step with the most total time'),
  })
  .meta({ id: 'WorkflowPerformance' });
export type WorkflowPerformance = z.infer<typeof workflowPerformanceSchema>;

/** The value at fraction `q` of sorted numbers (nearest rank). */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const durationOf = (row: { startedAt: Date | null; endedAt: Date | null }) =>
  row.startedAt && row.endedAt ? row.endedAt.getTime() - row.startedAt.getTime() : undefined;

/**
 * Per step over the actor's last runs of a workflow: durations (p50/p95), tokens, cache hit rate,
 * failure rate, and the step that takes most of the time. Only the actor's own runs are read, also
 * of a shared workflow.
 */
export async function workflowPerformance(
  deps: Pick<WorkflowDeps, 'db'>,
  actor: UserActor,
  workflowId: string,
  query: PerformanceQuery,
): Promise<WorkflowPerformance> {
  const { runs: limit } = performanceQuerySchema.parse(query);
  const runs = await deps.db
    .select({
      id: workflowRuns.id,
      status: workflowRuns.status,
      startedAt: workflowRuns.startedAt,
      endedAt: workflowRuns.endedAt,
    })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.workflowId, workflowId), eq(workflowRuns.ownerId, actor.userId)))
    .orderBy(desc(workflowRuns.createdAt))
    .limit(limit);
  const ended = runs.filter((run) => run.endedAt);
  const runDurations = ended.flatMap((run) => durationOf(run) ?? []).sort((a, b) => a - b);
  const steps =
    runs.length === 0
      ? []
      : await deps.db
          .select({
            stepId: workflowRunSteps.stepId,
            kind: workflowRunSteps.kind,
            status: workflowRunSteps.status,
            cacheHit: workflowRunSteps.cacheHit,
            inputTokens: workflowRunSteps.inputTokens,
            outputTokens: workflowRunSteps.outputTokens,
            startedAt: workflowRunSteps.startedAt,
            endedAt: workflowRunSteps.endedAt,
          })
          .from(workflowRunSteps)
          .where(
            inArray(
              workflowRunSteps.runId,
              runs.map((run) => run.id),
            ),
          );
  const byStep = new Map<string, typeof steps>();
  for (const step of steps) {
    const key = `${step.stepId}\u0000${step.kind}`;
    const list = byStep.get(key) ?? [];
    list.push(step);
    byStep.set(key, list);
  }
  const figures = [...byStep.values()].map((rows) => {
    const durations = rows.flatMap((row) => durationOf(row) ?? []).sort((a, b) => a - b);
    const first = rows[0] as (typeof rows)[number];
    return {
      step_id: first.stepId,
      kind: first.kind,
      executions: rows.length,
      p50_ms: quantile(durations, 0.5),
      p95_ms: quantile(durations, 0.95),
      total_ms: durations.reduce((sum, value) => sum + value, 0),
      share_of_time: 0,
      input_tokens: rows.reduce((sum, row) => sum + (row.inputTokens ?? 0), 0),
      output_tokens: rows.reduce((sum, row) => sum + (row.outputTokens ?? 0), 0),
      cache_hit_rate: rows.filter((row) => row.cacheHit).length / rows.length,
      failure_rate: rows.filter((row) => row.status === 'failed').length / rows.length,
    };
  });
  // Compound steps hold their inner steps' time: shares are of the single-action steps only.
  const compound = new Set(['condition', 'parallel', 'foreach', 'loop']);
  const actingTotal = figures
    .filter((figure) => !compound.has(figure.kind))
    .reduce((sum, figure) => sum + figure.total_ms, 0);
  for (const figure of figures)
    figure.share_of_time = compound.has(figure.kind) || actingTotal === 0 ? 0 : figure.total_ms / actingTotal;
  figures.sort((a, b) => b.share_of_time - a.share_of_time || b.total_ms - a.total_ms);
  const dominating = figures.find((figure) => !compound.has(figure.kind) && figure.total_ms > 0);
  return {
    workflow_id: workflowId,
    runs: runs.length,
    run_p50_ms: quantile(runDurations, 0.5),
    run_p95_ms: quantile(runDurations, 0.95),
    run_failure_rate:
      ended.length === 0 ? 0 : ended.filter((run) => run.status === 'failed').length / ended.length,
    steps: figures,
    dominating_step: dominating?.step_id ?? null,
  };
}
