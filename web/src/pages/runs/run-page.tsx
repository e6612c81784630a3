import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { WorkflowRunDetail, WorkflowRunStepView } from '../../api/workflow-types';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';
import { definitionGraph } from '../workflows/graph/definition-graph';
import { WorkflowGraph } from '../workflows/graph/workflow-graph';
import { RunActions } from './run-actions';
import { useRun } from './run-api';
import { StatusBadge } from './status-badge';
import { PipelineProgress, usePipelineProgress } from './pipeline-progress';
import { StepPerformance } from './step-performance';
import { StepRecord } from './step-record';

/** A step record's path on the graph: a pipeline item's steps (`items[3].clean`) gather on the step's node. */
const graphPath = (step: WorkflowRunStepView) => step.path.replace(/^items\[\d+\]\./, '');

function Progress({ run }: { run: WorkflowRunDetail }) {
  const total = Math.max(run.steps_total, 1);
  return (
    <div className="mb-4">
      <p className="mb-1 text-sm" id="run-progress-label">
        {run.steps_done} of {run.steps_total} steps done
        {run.cache_hits > 0 ? `, ${run.cache_hits} from the cache` : ''}
      </p>
      <progress
        aria-labelledby="run-progress-label"
        value={run.steps_done}
        max={total}
        className="h-2 w-full overflow-hidden rounded accent-blue-700"
      />
    </div>
  );
}

/** One run: its graph of the definition that ran, coloured by step status, and the step records beside it. */
export function RunPage({ runId }: { runId: string }) {
  const run = useRun(runId);
  usePipelineProgress(runId);
  const [selected, setSelected] = useState<string | undefined>();
  const graph = useMemo(
    () =>
      run.data
        ? definitionGraph(
            run.data.definition,
            run.data.steps.map((step) => ({ ...step, path: graphPath(step) })),
          )
        : undefined,
    [run.data],
  );
  const selectedPaths = new Set(graph?.nodes.find((node) => node.id === selected)?.paths ?? []);

  if (run.isPending) return <Spinner label="Loading the run" />;
  if (run.isError)
    return (
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <ErrorNotice error={run.error} />
        <Link to="/runs" className="mt-4 inline-block">
          Back to runs
        </Link>
      </div>
    );
  const data = run.data;
  const open = ['queued', 'running', 'waiting'].includes(data.status);
  const shown = selected ? data.steps.filter((step) => selectedPaths.has(graphPath(step))) : data.steps;
  return (
    <div className="mx-auto max-w-7xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/runs">Runs</Link> /
      </p>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
            {data.workflow_name} <StatusBadge status={data.status} />
          </h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Version {data.version} · started {String(data.trigger.kind ?? 'manually')} ·{' '}
            <Time value={data.created_at} />
            {data.workflow_id && (
              <>
                {' '}
                · <Link to={`/workflows/${data.workflow_id}`}>the workflow</Link>
              </>
            )}
          </p>
        </div>
        <RunActions run={data} />
      </header>
      {data.pipeline ? (
        <PipelineProgress runId={data.id} progress={data.pipeline} />
      ) : (
        open && <Progress run={data} />
      )}
      {data.error && (
        <p
          role="alert"
          className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <code className="font-semibold">{data.error.code}</code>
          {data.error.step_path && ` at ${data.error.step_path}`}: {data.error.message}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div>
          {graph && (
            <WorkflowGraph
              graph={graph}
              selected={selected}
              onSelect={(id) => setSelected(id === selected ? undefined : id)}
              label={`The steps of ${data.workflow_name}, by status`}
            />
          )}
          {data.status === 'succeeded' && data.output !== null && (
            <section className="mt-4" aria-label="Output">
              <h2 className="mb-1 font-semibold">Output</h2>
              <pre className="max-h-72 overflow-auto rounded border border-neutral-200 p-2 text-xs dark:border-neutral-800">
                {JSON.stringify(data.output, null, 2)}
              </pre>
            </section>
          )}
        </div>
        <section aria-label="Steps">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold">Steps</h2>
            {selected && (
              <Button size="sm" onClick={() => setSelected(undefined)}>
                Show every step
              </Button>
            )}
          </div>
          {shown.length === 0 ? (
            <EmptyState title={selected ? 'This step has not run' : 'No step has started yet'} />
          ) : (
            <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900">
              {shown.map((step) => (
                <StepRecord key={step.path} step={step} highlighted={selectedPaths.has(graphPath(step))} />
              ))}
            </ul>
          )}
        </section>
      </div>
      {data.workflow_id && (
        <section aria-labelledby="performance-title" className="mt-6">
          <h2 id="performance-title" className="mb-2 text-lg font-semibold">
            Performance per step
          </h2>
          <StepPerformance workflowId={data.workflow_id} runStatus={data.status} />
        </section>
      )}
    </div>
  );
}
