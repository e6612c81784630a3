import {
  type ListTasksInput,
  type SearchTasksInput,
  type TaskIdInput,
  type TaskToolName,
  taskToolNames,
  type UpdateTaskFields,
} from '../../tasks/index.js';
import type { Turn } from '../conversation.js';
import { list, quoted, type TaskView } from '../reply/format.js';
import { taskList } from '../reply/tasks.js';
import { positionIn, searchWords } from '../words.js';
import { call, callThenReply, outcomeOf, outputOf, type PlanContext, reply, type Step } from './intent.js';

/** What to do to the task once it is found. */
export interface TaskAction {
  readonly toolName: TaskToolName;
  /** What is done, for "which one do you want to …?" ("mark done", "delete"). */
  readonly verb: string;
  input(task: TaskView): TaskIdInput & UpdateTaskFields;
  /** When set, a task in this state is not a candidate and the reply says so. */
  readonly skipWhen?: { status: TaskView['status']; message: (task: TaskView) => string };
}

/** A task found, or the step to take before one is. */
type Found = { readonly task: TaskView } | { readonly step: Step };

const listingTools: ReadonlySet<string> = new Set([taskToolNames.list, taskToolNames.search]);

/** The tasks the user last saw as a numbered list (a listing or a search), newest turn first. */
function lastListing(turns: readonly Turn[]): TaskView[] | undefined {
  for (const turn of [...turns].reverse())
    for (const outcome of [...turn.outcomes].reverse())
      if (listingTools.has(outcome.toolName) && outcome.result?.kind === 'output')
        return list<TaskView>(outcome.result.value, 'items');
  return undefined;
}

function atPosition(tasks: readonly TaskView[], position: number): TaskView | undefined {
  return position === -1 ? tasks.at(-1) : tasks[position - 1];
}

/** The task a position points at, or the step that finds the listing it points into. */
function byPosition(context: PlanContext, position: number): Found {
  const listed = lastListing([...context.earlier, context.turn]);
  if (!listed && !outcomeOf(context, taskToolNames.list))
    return { step: call(taskToolNames.list, { status: 'pending' } satisfies ListTasksInput) };
  const task = atPosition(listed ?? [], position);
  if (task) return { task };
  return {
    step: reply(`There is no task number ${position} in the last list. Say “show my tasks” to see them.`),
  };
}

/** The task the words point at, or the step that searches for it or asks which one. */
function byWords(context: PlanContext, target: string, action: TaskAction): Found {
  const query = searchWords(target);
  const found = outputOf(context, taskToolNames.search);
  if (found === undefined) return { step: call(taskToolNames.search, { query } satisfies SearchTasksInput) };
  const items = list<TaskView>(found, 'items');
  const [first] = items;
  if (!first) return { step: reply(`I could not find a task matching ${quoted(query)}.`) };
  const open = items.filter((task) => task.status !== action.skipWhen?.status);
  if (open.length === 0 && action.skipWhen) return { step: reply(action.skipWhen.message(first)) };
  const pending = open.filter((task) => task.status === 'pending');
  const candidates = pending.length > 0 ? pending : open;
  const exact = candidates.filter((task) => task.title.toLowerCase() === target.trim().toLowerCase());
  const [only] = exact.length === 1 ? exact : candidates.length === 1 ? candidates : [];
  if (only) return { task: only };
  return {
    step: reply(
      `Several tasks match ${quoted(query)}. Which one should I ${action.verb}?\n\n${taskList(items, context)}\n\nSay “the first one”, “number 2”, or use more words.`,
    ),
  };
}

/**
 * The plan for a change to one task named by the user's words ("the milk one") or by its place
 * in the last list shown ("task 3"): find it, act on it, then say what was done. Several matches
 * → ask which one; none → say so.
 */
export function onOneTask(context: PlanContext, target: string, action: TaskAction): Step {
  if (outputOf(context, action.toolName) !== undefined) return callThenReply(context, action.toolName, {});
  const position = positionIn(target);
  const found: Found = context.chosenTask
    ? { task: context.chosenTask }
    : position === undefined
      ? byWords(context, target, action)
      : byPosition(context, position);
  if ('step' in found) return found.step;
  const { task } = found;
  if (action.skipWhen && task.status === action.skipWhen.status) return reply(action.skipWhen.message(task));
  return call(action.toolName, action.input(task));
}
