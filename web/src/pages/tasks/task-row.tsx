import { Button } from '../../components/button';
import { Icon } from '../../layout/icons';
import { describeDue } from './due-date';
import type { Task } from './task-api';

const priorityStyles: Record<Task['priority'], string> = {
  high: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  medium: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  low: 'bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300',
};

/** One task: complete/reopen, title and details, due date (red when overdue), priority, tags, edit, delete. */
export function TaskRow({
  task,
  onToggle,
  onEdit,
  onDelete,
  onTag,
}: {
  task: Task;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
  onTag: (tag: string) => void;
}) {
  const done = task.status === 'completed';
  const due = task.due_date ? describeDue(task.due_date) : null;
  const overdue = !done && due?.overdue;
  return (
    <li className="flex items-start gap-3 px-3 py-3">
      <input
        type="checkbox"
        checked={done}
        onChange={() => onToggle(task)}
        aria-label={task.title}
        className="mt-1 size-4 shrink-0 accent-blue-700 dark:accent-blue-400"
      />
      <div className="min-w-0 flex-1">
        <p className={`break-words ${done ? 'text-neutral-600 line-through dark:text-neutral-400' : ''}`}>
          {task.title}
        </p>
        {task.description && (
          <p className="mt-0.5 line-clamp-2 text-sm text-neutral-600 dark:text-neutral-400">
            {task.description}
          </p>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          {due && (
            <span
              className={
                overdue
                  ? 'font-semibold text-red-700 dark:text-red-400'
                  : 'text-neutral-600 dark:text-neutral-400'
              }
            >
              {overdue ? 'Overdue · ' : 'Due '}
              {due.label}
            </span>
          )}
          <span className={`rounded px-1.5 py-0.5 ${priorityStyles[task.priority]}`}>{task.priority}</span>
          {task.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              onClick={() => onTag(tag)}
              aria-label={`Filter by tag ${tag}`}
              className="rounded px-1.5 py-0.5 text-blue-800 hover:bg-blue-50 hover:underline dark:text-blue-300 dark:hover:bg-blue-950"
            >
              #{tag}
            </button>
          ))}
        </div>
      </div>
      <div className="flex shrink-0 gap-1">
        <Button variant="ghost" size="sm" onClick={() => onEdit(task)} aria-label={`Edit ${task.title}`}>
          <Icon name="edit" className="size-4" />
        </Button>
        <Button variant="ghost" size="sm" onClick={() => onDelete(task)} aria-label={`Delete ${task.title}`}>
          <Icon name="trash" className="size-4" />
        </Button>
      </div>
    </li>
  );
}
