import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { AddTaskInput, Task, TaskPage, UpdateTaskFields } from '@server/modules/tasks/schema';
import { api } from '../../api/client';
import { listQuery, type TaskFilters } from './task-filters';

/** A task as GET /api/v1/tasks answers it. */
export type { Task };

export type TaskPriority = Task['priority'];

/** The body of POST /api/v1/tasks. */
export type NewTask = AddTaskInput;

/** The body of PATCH /api/v1/tasks/{id}: only the fields given change; null clears. */
export type TaskChanges = UpdateTaskFields;

const pageSize = 25;

/** The tasks matching the filters, a page at a time (live: task events refresh ['tasks']). */
export function useTaskList(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: ['tasks', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<TaskPage>('/api/v1/tasks', {
        query: { ...listQuery(filters), limit: pageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Puts a changed task in every cached list at once, before the refetch confirms it. */
function replaceCached(client: QueryClient, task: Task) {
  client.setQueriesData<InfiniteData<TaskPage>>({ queryKey: ['tasks', 'list'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === task.id ? task : item)),
          })),
        }
      : data,
  );
}

/** Adds a task, recreates a deleted one (Undo), changes or deletes one; each refreshes the lists. */
export function useTaskMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['tasks'] });
  const add = useMutation({
    mutationFn: (task: NewTask) => api<Task>('/api/v1/tasks', { method: 'POST', body: task }),
    onSettled: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TaskChanges }) =>
      api<Task>(`/api/v1/tasks/${id}`, { method: 'PATCH', body: changes }),
    onSuccess: (task) => replaceCached(client, task),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (task: Task) => api<void>(`/api/v1/tasks/${task.id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });
  return { add, update, remove };
}
