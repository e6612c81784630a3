import { humanize } from '../../../components/humanize';
import { describeDue } from '../../tasks/due-date';

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
};

/** The pending form of the same verbs, while the call runs. */
const taskVerbsRunning: Record<string, string> = {
  add_task: 'Adding',
  complete_task: 'Completing',
  update_task: 'Updating',
  delete_task: 'Deleting',
};

function successLine(call: ToolCallGist, now: Date): string {
  const verb = taskVerbs[call.name];
  const task = taskOf(call.output);
  if (verb && task) return `${verb} ${describeTask(task, now)}`;
  const output = record(call.output);
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
 * "Found 3 tasks", "Summarize text: done". `subject` is the task an approval is about, looked up by
 * the card, so the question names it rather than its id.
 */
export function summarizeToolCall(call: ToolCallGist, subject?: TaskGist, now = new Date()): string {
  switch (call.state) {
    case 'success':
      return successLine(call, now);
    case 'error':
      return `${humanize(call.name)} failed`; // the error itself is shown below the line
    case 'approval':
      return approvalLine(call, subject, now);
    case 'refused':
      return subject
        ? `Not ${(taskVerbs[call.name] ?? 'run').toLowerCase()}: ${describeTask(subject, now)}`
        : `${humanize(call.name)}: refused`;
    case 'running':
      return runningLine(call);
  }
}

function approvalLine(call: ToolCallGist, subject: TaskGist | undefined, now: Date): string {
  if (call.name === 'delete_task')
    return subject ? `Delete ${describeTask(subject, now)}?` : 'Delete this task?';
  if (subject) return `${humanize(call.name)}: ${describeTask(subject, now)}?`;
  return `${humanize(call.name)}? It changes your data.`;
}

/** The id of the task a call is about, when its arguments name one. */
export function taskIdOf(input: unknown): string | undefined {
  const id = record(input).task_id;
  return typeof id === 'string' ? id : undefined;
}
