import { ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';
import { StatusBadge } from '../runs/status-badge';
import { useAgentRuns } from './agent-api';

/** The agent's last runs: when, how they ended, what was asked. */
export function AgentRuns({ agentId }: { agentId: string }) {
  const runs = useAgentRuns(agentId);
  if (runs.isPending) return <Spinner label="Loading runs" />;
  if (runs.isError) return <ErrorNotice error={runs.error} />;
  if (runs.data.items.length === 0)
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">Not run yet.</p>;
  return (
    <ul aria-label="Runs" className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
      {runs.data.items.map((run) => (
        <li key={run.id} className="flex flex-wrap items-center gap-3 py-2">
          <StatusBadge status={run.status} />
          <Time value={run.created_at} relativeToNow />
          <span className="min-w-0 flex-1 truncate">{run.input}</span>
        </li>
      ))}
    </ul>
  );
}
