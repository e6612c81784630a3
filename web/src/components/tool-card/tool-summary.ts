import { humanize } from '../humanize';
import { describeDue } from '../../pages/tasks/due-date';

/** The parts of a task a summary names (a task as the task tools answer it, or as GET /tasks/{id} does). */
export interface TaskGist {
  title: string;
  due_date?: string | null;
}

/** What a tool call comes down to for the one-line summary: its name, state, arguments and result. */
export interface ToolCallGist {
  name: string;
  state: 'running' | 'success' | 'error' | 'approval' | 'refused';
  input: unknown;
  output?: unknown;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function taskOf(value: unknown): TaskGist | undefined {
  const task = record(record(value).task);
  return typeof task.title === 'string' ? (task as unknown as TaskGist) : undefined;
}

/** “Buy milk” · due tomorrow, 9:00 AM — the due part only when the task has one. */
export function describeTask(task: TaskGist, now = new Date()): string {
  const quoted = `“${task.title}”`;
  if (!task.due_date) return quoted;
  const { label } = describeDue(task.due_date, now);
  // "Today"/"Tomorrow" read as words inside a sentence; "Fri, Dec 4" keeps its capitals.
  const day = /^(Today|Tomorrow|Yesterday)/.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
  return `${quoted} · due ${day}`;
}

/** One task as describeTask says it; several as "3 tasks: “A” · due …, “B”". */
function describeTasks(tasks: readonly TaskGist[], now: Date): string {
  const [only] = tasks;
  if (tasks.length === 1 && only) return describeTask(only, now);
  return `${tasks.length} tasks: ${tasks.map((task) => describeTask(task, now)).join(', ')}`;
}

function count(items: unknown, noun: string): string {
  const n = Array.isArray(items) ? items.length : 0;
  if (n === 0) return `No ${noun}s found`;
  return `Found ${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What the task tools did, in the words of the task list. */
const taskVerbs: Record<string, string> = {
  add_task: 'Added',
  complete_task: 'Completed',
  update_task: 'Updated',
  delete_task: 'Deleted',
  delete_tasks: 'Deleted',
};

/** The pending form of the same verbs, while the call runs. */
const taskVerbsRunning: Record<string, string> = {
  add_task: 'Adding',
  complete_task: 'Completing',
  update_task: 'Updating',
  delete_task: 'Deleting',
  delete_tasks: 'Deleting',
};

function successLine(call: ToolCallGist, now: Date): string {
  const verb = taskVerbs[call.name];
  const task = taskOf(call.output);
  if (verb && task) return `${verb} ${describeTask(task, now)}`;
  const output = record(call.output);
  if (verb && Array.isArray(output.tasks)) return `${verb} ${describeTasks(output.tasks as TaskGist[], now)}`;
  if (call.name === 'list_tasks' || call.name === 'search_tasks') {
    const line = count(output.items, 'task');
    const more = typeof output.next_cursor === 'string' ? ' (more on request)' : '';
    return `${line}${more}`;
  }
  if (Array.isArray(output.items))
    return `${humanize(call.name)}: ${count(output.items, 'result').toLowerCase()}`;
  return `${humanize(call.name)}: done`;
}

function runningLine(call: ToolCallGist): string {
  const title = record(call.input).title;
  const verb = taskVerbsRunning[call.name];
  if (verb && typeof title === 'string') return `${verb} “${title}”…`;
  return `${humanize(call.name)}…`;
}

/**
 * One line a person reads instead of the call's JSON: "Added “Buy milk” · due tomorrow, 9:00 AM",
 * "Found 3 tasks", "Summarize text: done". `subjects` are the tasks an approval is about, looked up
 * by the card, so the question names them rather than their ids.
 */
export function summarizeToolCall(
  call: ToolCallGist,
  subjects: readonly TaskGist[] = [],
  now = new Date(),
): string {
  switch (call.state) {
    case 'success':
      return successLine(call, now);
    case 'error':
      return `${humanize(call.name)} failed`; // the error itself is shown below the line
    case 'approval':
      return approvalLine(call, subjects, now);
    case 'refused':
      return subjects.length > 0
        ? `Not ${(taskVerbs[call.name] ?? 'run').toLowerCase()}: ${describeTasks(subjects, now)}`
        : `${humanize(call.name)}: refused`;
    case 'running':
      return runningLine(call);
  }
}

function approvalLine(call: ToolCallGist, subjects: readonly TaskGist[], now: Date): string {
  if (call.name === 'delete_task' || call.name === 'delete_tasks') {
    if (subjects.length > 0) return `Delete ${describeTasks(subjects, now)}?`;
    const asked = taskIdsOf(call.input).length;
    return asked > 1 ? `Delete these ${asked} tasks?` : 'Delete this task?';
  }
  if (subjects.length > 0) return `${humanize(call.name)}: ${describeTasks(subjects, now)}?`;
  return `${humanize(call.name)}? It changes your data.`;
}

/** The ids of the tasks a call is about, when its arguments name them (task_id, or task_ids for bulk tools). */
export function taskIdsOf(input: unknown): string[] {
  const { task_id: one, task_ids: many } = record(input);
  if (typeof one === 'string') return [one];
  return Array.isArray(many) ? many.filter((id): id is string => typeof id === 'string') : [];
}
