import { useQuery } from '@tanstack/react-query';
import type { AgentHealth } from '@server/modules/agents/schema';
import { api } from '../../api/client';
import { BarChart } from '../../components/bar-chart';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { useAgentRuns } from './agent-api';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const duration = (ms: number | null) =>
  ms === null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

/** How long a run took, in milliseconds, once it has started and ended. */
function runMs(run: { started_at: string | null; finished_at: string | null }): number | null {
  if (!run.started_at || !run.finished_at) return null;
  return Date.parse(run.finished_at) - Date.parse(run.started_at);
}

/**
 * How the agent is doing for you: whether its model and tools answer, the success rate, p50/p95,
 * tokens, the last error, and the last runs' durations as a chart (failures in red).
 */
export function HealthPanel({ agentId }: { agentId: string }) {
  const health = useQuery({
    queryKey: ['agents', 'health', agentId],
    queryFn: ({ signal }) =>
      api<AgentHealth>(`/api/v1/agents/${encodeURIComponent(agentId)}/health`, { signal }),
  });
  const runs = useAgentRuns(agentId);
  if (health.isPending) return <Spinner label="Loading health" />;
  if (health.isError) return <ErrorNotice error={health.error} />;
  const data = health.data;
  const ended = (runs.data?.items ?? [])
    .map((run) => ({ run, ms: runMs(run) }))
    .filter((entry): entry is { run: (typeof entry)['run']; ms: number } => entry.ms !== null)
    .reverse();
  const figures: [string, string][] = [
    ['Runs', String(data.runs)],
    ['Succeeded', percent(data.success_rate)],
    ['p50', duration(data.p50_ms)],
    ['p95', duration(data.p95_ms)],
    ['Tokens in / out', `${data.tokens_in} / ${data.tokens_out}`],
  ];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        <span
          className={`mr-2 rounded-full px-2 py-0.5 text-xs ${data.healthy ? 'bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200' : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200'}`}
        >
          {data.healthy ? 'Healthy' : 'Unhealthy'}
        </span>
        Model {data.model.id}
        {data.model.reachable ? '' : ` unreachable${data.model.message ? `: ${data.model.message}` : ''}`}
        {data.tools.missing.length > 0 && ` · missing tools: ${data.tools.missing.join(', ')}`}
      </p>
      <dl aria-label="Performance" className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md border border-neutral-200 p-2 dark:border-neutral-800">
            <dt className="text-neutral-600 dark:text-neutral-400">{label}</dt>
            <dd className="font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {ended.length > 0 && (
        <figure>
          <BarChart
            title={`Durations of the last ${ended.length} runs, oldest first`}
            bars={ended.map(({ run, ms }) => ({
              label: `${run.input.slice(0, 40)} (${run.status})`,
              value: ms,
              warn: run.status === 'failed',
            }))}
          />
          <figcaption className="text-xs text-neutral-600 dark:text-neutral-400">
            The last runs’ durations, oldest first; failed ones in red.
          </figcaption>
        </figure>
      )}
      {data.last_error && (
        <p className="text-sm text-red-700 dark:text-red-400">
          Last error ({data.last_error.code}): {data.last_error.message}
        </p>
      )}
    </div>
  );
}
