import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { WorkflowPerformance } from '../../api/workflow-types';
import { ErrorNotice, Spinner } from '../../components/feedback';

/** "850 ms", "1.2 s", "—" */
export function millis(value: number | null): string {
  if (value === null) return '—';
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

/**
 * Per step over your last runs of the workflow (a pipeline's items pooled): executions, p50/p95,
 * cache hit rate, failure rate and share of the time; the step taking the most time is marked.
 * Read again when the run shown changes status (not on each of its events: a pipeline sends one per
 * item, and this reads every step of the last runs).
 */
export function StepPerformance({
  workflowId,
  runStatus,
  runs = 50,
}: {
  workflowId: string;
  runStatus: string;
  runs?: number;
}) {
  const performance = useQuery({
    queryKey: ['workflow-performance', workflowId, runs, runStatus],
    queryFn: ({ signal }) =>
      api<WorkflowPerformance>(`/api/v1/workflows/${workflowId}/performance`, { query: { runs }, signal }),
  });
  if (performance.isPending) return <Spinner label="Loading the performance" />;
  if (performance.isError) return <ErrorNotice error={performance.error} />;
  const data = performance.data;
  if (data.steps.length === 0)
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">No step has ended yet.</p>;
  return (
    <div className="overflow-x-auto">
      <p className="mb-2 text-sm">
        Over your last {data.runs === 1 ? 'run' : `${data.runs} runs`}: p50 {millis(data.run_p50_ms)}, p95{' '}
        {millis(data.run_p95_ms)}, {percent(data.run_failure_rate)} failed.
        {data.dominating_step && (
          <>
            {' '}
            The slowest step is <code className="font-semibold">{data.dominating_step}</code>.
          </>
        )}
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Performance per step, the most time first</caption>
        <thead>
          <tr className="border-b border-neutral-200 dark:border-neutral-800">
            {['Step', 'Executions', 'p50', 'p95', 'Share of time', 'Cache hits', 'Failed'].map((title) => (
              <th key={title} scope="col" className="px-2 py-1 font-medium">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.steps.map((step) => {
            const slowest = step.step_id === data.dominating_step;
            return (
              <tr
                key={step.step_id}
                className={`border-b border-neutral-100 dark:border-neutral-800 ${
                  slowest ? 'bg-amber-50 font-semibold dark:bg-amber-950' : ''
                }`}
              >
                <th scope="row" className="px-2 py-1 font-mono font-normal">
                  {step.step_id}
                  {slowest && <span className="ml-1 font-sans font-semibold">(slowest)</span>}
                </th>
                <td className="px-2 py-1">{step.executions}</td>
                <td className="px-2 py-1">{millis(step.p50_ms)}</td>
                <td className="px-2 py-1">{millis(step.p95_ms)}</td>
                <td className="px-2 py-1">{percent(step.share_of_time)}</td>
                <td className="px-2 py-1">{percent(step.cache_hit_rate)}</td>
                <td className="px-2 py-1">{percent(step.failure_rate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
