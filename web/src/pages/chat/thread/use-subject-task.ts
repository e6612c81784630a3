import { useQuery } from '@tanstack/react-query';
import type { Task } from '@server/modules/tasks/schema';
import { api } from '../../../api/client';
import { taskIdOf, type TaskGist } from './tool-summary';

/**
 * The task a tool call waiting for approval (or refused) is about, so its card asks "Delete “Buy
 * milk” · due tomorrow?" rather than naming an id. Read with the user's own session: another
 * user's task id answers 404 and the card falls back to "this task".
 */
export function useSubjectTask(input: unknown, wanted: boolean): TaskGist | undefined {
  const taskId = taskIdOf(input);
  const { data } = useQuery({
    queryKey: ['tasks', 'one', taskId],
    queryFn: ({ signal }) => api<Task>(`/api/v1/tasks/${encodeURIComponent(taskId ?? '')}`, { signal }),
    enabled: wanted && taskId !== undefined,
    retry: false,
    // A deleted task stays named on the card after the approval is answered.
    staleTime: Infinity,
  });
  return data;
}
