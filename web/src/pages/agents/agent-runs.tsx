import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';
import { StatusBadge } from '../runs/status-badge';
import { useAgentRunPages } from './agent-api';

/** The agent's runs, newest first: when, how they ended, what was asked; older ones with Load more. */
export function AgentRuns({ agentId }: { agentId: string }) {
  const runs = useAgentRunPages(agentId);
  if (runs.isPending) return <Spinner label="Loading runs" />;
  if (runs.isError) return <ErrorNotice error={runs.error} />;
  const items = runs.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return (
      <p className="text-sm text-neutral-600 dark:text-neutral-400">Not run yet: ask it something above.</p>
    );
  return (
    <>
      <ul aria-label="Runs" className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        {items.map((run) => (
          <li key={run.id} className="flex flex-wrap items-center gap-3 py-2">
            <StatusBadge status={run.status} />
            <Time value={run.created_at} relativeToNow />
            <span className="min-w-0 flex-1 truncate">{run.input}</span>
          </li>
        ))}
      </ul>
      {runs.hasNextPage && (
        <div className="mt-2 flex justify-center">
          <Button onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
            {runs.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </>
  );
}
