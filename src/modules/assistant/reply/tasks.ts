import {
  type ListTasksInput,
  type SearchTasksInput,
  type TaskToolName,
  taskToolNames,
  type UpdateTaskFields,
} from '../../tasks/index.js';
import { formatDue } from '../dates.js';
import type { PlanContext } from '../plan-context.js';
import { count, field, list, numbered, quoted, type ReplyFormatter, type TaskView } from './format.js';

/** One task on a line: its title, due date, priority and tags (and a tick when done). */
export function describeTask(task: TaskView, context: PlanContext): string {
  const details = [
    task.due_date ? `due ${formatDue(task.due_date, context)}` : undefined,
    task.priority === 'high' ? 'high priority' : task.priority === 'low' ? 'low priority' : undefined,
    ...task.tags.map((tag) => `#${tag}`),
  ].filter(Boolean);
  return `${task.status === 'completed' ? '✓ ' : ''}${task.title}${details.length ? ` — ${details.join(', ')}` : ''}`;
}

/** Tasks as a numbered list, in the order the tool returned them. */
export function taskList(tasks: readonly TaskView[], context: PlanContext): string {
  return numbered(tasks.map((task) => describeTask(task, context)));
}

function listHeading(input: ListTasksInput, size: number, context: PlanContext): string {
  const { status, due_before } = input;
  const due = due_before ? ` due before ${formatDue(due_before, context)}` : '';
  const tag = input.tag ? ` tagged #${input.tag}` : '';
  if (size === 0) {
    if (status === 'completed') return `You have not finished any tasks${tag} yet.`;
    if (status === 'pending')
      return due_before ? `Nothing${tag} is due by then.` : `Nothing left to do${tag} — your list is clear.`;
    return `You have no tasks${tag} yet. Try “add buy milk to my list”.`;
  }
  if (status === 'completed') return `You have finished ${count(size, 'task')}${tag}:`;
  if (status === 'pending') return `You have ${count(size, 'pending task')}${tag}${due}:`;
  return `You have ${count(size, 'task')}${tag}:`;
}

/** What changed in an update, in words. */
function describeChanges(input: UpdateTaskFields, task: TaskView, context: PlanContext): string {
  const changes: string[] = [];
  if (input.due_date !== undefined)
    changes.push(task.due_date ? `now due ${formatDue(task.due_date, context)}` : 'no due date any more');
  if (input.priority !== undefined) changes.push(`${task.priority} priority`);
  if (input.tags !== undefined)
    changes.push(task.tags.length ? `tags ${task.tags.map((tag) => `#${tag}`).join(' ')}` : 'no tags');
  if (input.status !== undefined) changes.push(task.status === 'completed' ? 'marked done' : 'open again');
  if (input.description !== undefined) changes.push('new details');
  return changes.join(', ');
}

const taskOf = (output: unknown) => field<TaskView>(output, 'task');

/** Replies to the task tools' results. */
export const taskReplies: Record<TaskToolName, ReplyFormatter> = {
  [taskToolNames.add]: ({ output, context }) => {
    const task = taskOf(output);
    if (!task) return 'Added the task.';
    const due = task.due_date ? `, due ${formatDue(task.due_date, context)}` : '';
    const priority = task.priority === 'medium' ? '' : ` (${task.priority} priority)`;
    const tags = task.tags.length ? ` Tagged ${task.tags.map((tag) => `#${tag}`).join(' ')}.` : '';
    return `Added ${quoted(task.title)} to your list${due}${priority}.${tags}`;
  },
  [taskToolNames.list]: ({ input, output, context }) => {
    const items = list<TaskView>(output, 'items');
    const heading = listHeading(input as ListTasksInput, items.length, context);
    if (items.length === 0) return heading;
    const more = field(output, 'next_cursor') ? '\n\nThere are more; these are the newest.' : '';
    return `${heading}\n\n${taskList(items, context)}${more}`;
  },
  [taskToolNames.search]: ({ input, output, context }) => {
    const items = list<TaskView>(output, 'items');
    const query = quoted((input as Partial<SearchTasksInput>).query ?? '');
    if (items.length === 0) return `No tasks match ${query}.`;
    return `${count(items.length, 'task matches', 'tasks match')} ${query}:\n\n${taskList(items, context)}`;
  },
  [taskToolNames.complete]: ({ output }) => {
    const task = taskOf(output);
    return task ? `Done: ${quoted(task.title)} is marked complete.` : 'Marked it complete.';
  },
  [taskToolNames.update]: ({ input, output, context }) => {
    const task = taskOf(output);
    if (!task) return 'Updated the task.';
    const fields = input as UpdateTaskFields;
    const changes = describeChanges(fields, task, context);
    const what =
      fields.title === undefined ? `Updated ${quoted(task.title)}` : `Renamed it ${quoted(task.title)}`;
    return `${what}${changes ? `: ${changes}` : ''}.`;
  },
  [taskToolNames.delete]: ({ output }) => {
    const task = taskOf(output);
    return task ? `Deleted ${quoted(task.title)}.` : 'Deleted the task.';
  },
  [taskToolNames.deleteMany]: ({ output }) => {
    const tasks = list<TaskView>(output, 'tasks');
    return `Deleted ${count(tasks.length, 'task')}: ${tasks.map((task) => quoted(task.title)).join(', ')}.`;
  },
};
