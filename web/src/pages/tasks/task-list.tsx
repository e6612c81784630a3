import { useState } from 'react';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { type Task, useTaskList } from './task-api';
import { TaskEditDialog } from './task-edit-dialog';
import { isNarrowed, type TaskFilters } from './task-filters';
import { TaskRow } from './task-row';
import { useTaskActions } from './use-task-actions';

function emptyTitle(filters: TaskFilters): string {
  if (isNarrowed(filters)) return 'Nothing matches these filters';
  if (filters.status === 'pending') return 'Nothing to do — add a task above';
  return 'No tasks yet — add one above';
}

/** The tasks matching the filters, with "Load more", and the Edit dialog of the one being edited. */
export function TaskList({
  filters,
  onTag,
  onClear,
}: {
  filters: TaskFilters;
  onTag: (tag: string) => void;
  onClear: () => void;
}) {
  const list = useTaskList(filters);
  const { toggle, destroy } = useTaskActions();
  const [editing, setEditing] = useState<Task | null>(null);
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <Spinner label="Loading tasks" />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (tasks.length === 0)
    return (
      <EmptyState title={emptyTitle(filters)}>
        {isNarrowed(filters) && (
          <Button size="sm" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </EmptyState>
    );
  return (
    <>
      <ul
        aria-label="Tasks"
        className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900"
      >
        {tasks.map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            onToggle={toggle}
            onEdit={setEditing}
            onDelete={destroy}
            onTag={onTag}
          />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
      {editing && <TaskEditDialog key={editing.id} task={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
