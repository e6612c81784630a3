import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PipelineItemPage } from '../../api/workflow-types';
import { ErrorNotice, Spinner } from '../../components/feedback';

/** A pipeline run's failed items (the first 50): each one's label and why it failed. */
export function FailedItems({ runId }: { runId: string }) {
  const items = useQuery({
    queryKey: ['workflow-runs', 'items', runId, 'failed'],
    queryFn: ({ signal }) =>
      api<PipelineItemPage>(`/api/v1/workflow-runs/${runId}/items`, {
        query: { status: 'failed', limit: 50 },
        signal,
      }),
  });
  if (items.isPending) return <Spinner label="Loading the failed items" />;
  if (items.isError) return <ErrorNotice error={items.error} />;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium">The failed items</summary>
      <ul className="mt-1 flex flex-col gap-1">
        {items.data.items.map((item) => (
          <li key={item.index}>
            <span className="font-medium">
              {item.index + 1}. {item.label}
            </span>
            {item.error && (
              <span className="text-red-800 dark:text-red-300">
                {' '}
                — <code>{item.error.code}</code>
                {item.error.step_path && ` at ${item.error.step_path}`}: {item.error.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
