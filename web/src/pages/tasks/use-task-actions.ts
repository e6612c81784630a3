import { api } from '../../api/client';
import { useToast } from '../../components/toast';
import { type Task, useTaskMutations } from './task-api';

/**
 * Completing, reopening and deleting a task, each undoable from its toast. Deleting is immediate
 * and Undo recreates the task with the same fields (as a new task, so at the top of the list).
 */
export function useTaskActions() {
  const toast = useToast();
  const { add, update, remove } = useTaskMutations();
  const failed = (error: Error) => toast({ message: error.message, tone: 'error' });

  function toggle(task: Task) {
    const status = task.status === 'completed' ? 'pending' : 'completed';
    update.mutate(
      { id: task.id, changes: { status } },
      {
        onError: failed,
        onSuccess: () =>
          toast({
            message: status === 'completed' ? `Completed “${task.title}”` : `Reopened “${task.title}”`,
            action: {
              label: 'Undo',
              run: () => update.mutate({ id: task.id, changes: { status: task.status } }),
            },
          }),
      },
    );
  }

  function restore(task: Task) {
    add.mutate(
      {
        title: task.title,
        priority: task.priority,
        tags: task.tags,
        ...(task.description && { description: task.description }),
        ...(task.due_date && { due_date: task.due_date }),
      },
      {
        onError: failed,
        onSuccess: (created) => {
          if (task.status === 'completed')
            void api(`/api/v1/tasks/${created.id}`, { method: 'PATCH', body: { status: 'completed' } });
        },
      },
    );
  }

  function destroy(task: Task) {
    remove.mutate(task, {
      onError: failed,
      onSuccess: () =>
        toast({ message: `Deleted “${task.title}”`, action: { label: 'Undo', run: () => restore(task) } }),
    });
  }

  return { toggle, destroy };
}
