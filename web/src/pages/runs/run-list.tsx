import { Link } from 'react-router';
import type { WorkflowRunView } from '../../api/workflow-types';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';
import { useRunList } from './run-api';
import { isNarrowed, type RunFilters } from './run-filters';
import { StatusBadge } from './status-badge';

/** "2 of 5 steps", a pipeline's "18 done, 1 failed of 20 items", or how it ended. */
export function progressOf(run: WorkflowRunView): string {
  if (run.error) return `${run.error.code}${run.error.step_path ? ` at ${run.error.step_path}` : ''}`;
  if (run.pipeline)
    return `${run.pipeline.done} done, ${run.pipeline.failed} failed of ${run.pipeline.total} items`;
  return `${run.steps_done} of ${run.steps_total} steps`;
}

/** The runs matching the filters, newest first, with "Load more". */
export function RunList({ filters, onClear }: { filters: RunFilters; onClear: () => void }) {
  const list = useRunList(filters);
  const runs = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <Spinner label="Loading runs" />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (runs.length === 0)
    return isNarrowed(filters) ? (
      <EmptyState title="No run matches these filters">
        <Button size="sm" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title="No runs yet">
        Run a workflow from <Link to="/workflows">Workflows</Link>, or ask the assistant to run one.
      </EmptyState>
    );
  return (
    <>
      <ul
        aria-label="Runs"
        className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900"
      >
        {runs.map((run) => (
          <li key={run.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <Link to={`/runs/${run.id}`} className="min-w-40 flex-1 font-medium">
              {run.workflow_name}
              <span className="sr-only"> run {run.id}</span>
            </Link>
            <StatusBadge status={run.status} />
            <span className="text-sm text-neutral-600 dark:text-neutral-400">{progressOf(run)}</span>
            <span className="text-sm text-neutral-600 dark:text-neutral-400">
              <Time value={run.created_at} relativeToNow />
            </span>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </>
  );
}
