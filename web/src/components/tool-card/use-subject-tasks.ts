import { useQueries } from '@tanstack/react-query';
import type { Task } from '@server/modules/tasks/schema';
import { api } from '../../api/client';
import { taskIdsOf, type TaskGist } from './tool-summary';

/**
 * The tasks a tool call waiting for approval (or refused) is about, so its card asks "Delete “Buy
 * milk” · due tomorrow?" rather than naming ids. Read with the user's own session: another user's
 * task id answers 404 and is left out; with none found the card falls back to "this task".
 */
export function useSubjectTasks(input: unknown, wanted: boolean): TaskGist[] {
  const results = useQueries({
    queries: taskIdsOf(input).map((taskId) => ({
      queryKey: ['tasks', 'one', taskId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<Task>(`/api/v1/tasks/${encodeURIComponent(taskId)}`, { signal }),
      enabled: wanted,
      retry: false,
      // A deleted task stays named on the card after the approval is answered.
      staleTime: Infinity,
    })),
  });
  return results.flatMap((result) => (result.data ? [result.data] : []));
}
