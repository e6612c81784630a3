import {
  type ListTasksInput,
  type SearchTasksInput,
  type TaskToolName,
  taskToolNames,
} from '../../tasks/index.js';
import { inFocus, lastNumberedList, lastNumberedTitles } from '../memory.js';
import { count, list, quoted, type TaskView } from '../reply/format.js';
import { describeTask, taskList } from '../reply/tasks.js';
import { positionIn, searchWords, tidy } from '../words.js';
import {
  call,
  calls,
  callThenReply,
  outcomeOf,
  outputOf,
  type PlanContext,
  reply,
  type Step,
} from './intent.js';
import { fetchBound, inWindow, type Window, windowIn } from './task-window.js';

/** What to do to each task once found. */
export interface TaskAction {
  readonly toolName: TaskToolName;
  /** What is done, for "which one should I …?" ("mark done", "delete"). */
  readonly verb: string;
  /** What was done to several, for the reply ("Marked 2 tasks done"). */
  readonly done: string;
  input(task: TaskView, context: PlanContext): Record<string, unknown>;
  /** Why nothing needs doing to this task ("“Buy milk” is already done."), if so. */
  unchanged?(task: TaskView): string | undefined;
}

/** Tasks found, or the step to take before they are. */
type Found = { readonly tasks: readonly TaskView[] } | { readonly step: Step };

const single = /^(?:it|that|this|this one|that one|this task|that task|the task|the one|same|same one)$/i;
const plural =
  /^(?:them|both|both of them|all of them|them all|all|these|those|all three|all those|these tasks|those tasks|those two|these two|the two)$/i;

const whichOne = (tasks: readonly TaskView[], verb: string, context: PlanContext) =>
  reply(
    `Which one should I ${verb}?\n\n${taskList(tasks, context)}\n\nSay “the first one”, “number 2”, or use more words.`,
  );

/** The tasks "it" or "them" points at in the conversation. */
function byReference(context: PlanContext, many: boolean, action: TaskAction): Found {
  const focus = inFocus(context.memory);
  // A text-only history (an OpenAI client's) names tasks by title: find the one named.
  const [title] = focus?.titles ?? [];
  if (focus && title !== undefined && focus.titles.length === 1) return byWords(context, title, action);
  if (!focus || focus.tasks.length === 0)
    return {
      step: reply('Which task? Say its name (“mark the milk one done”), or “show my tasks” to pick one.'),
    };
  if (many || focus.tasks.length === 1) return { tasks: focus.tasks };
  return { step: whichOne(focus.tasks, action.verb, context) };
}

/** The task a position points at in the last numbered list, or the step that lists them. */
function byPosition(context: PlanContext, position: number, action: TaskAction): Found {
  const titles = lastNumberedTitles(context.memory);
  const title = titles && (position === -1 ? titles.at(-1) : titles[position - 1]);
  if (title !== undefined) return byWords(context, title, action);
  const listed =
    lastNumberedList(context.memory) ?? list<TaskView>(outputOf(context, taskToolNames.list), 'items');
  if (listed.length === 0 && !outcomeOf(context, taskToolNames.list))
    return { step: call(taskToolNames.list, { status: 'pending' } satisfies ListTasksInput) };
  const task = position === -1 ? listed.at(-1) : listed[position - 1];
  if (task) return { tasks: [task] };
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
  const open = items.filter((task) => !action.unchanged?.(task));
  if (open.length === 0) return { tasks: [first] };
  const pending = open.filter((task) => task.status === 'pending');
  const candidates = pending.length > 0 ? pending : open;
  const exact = candidates.filter((task) => task.title.toLowerCase() === tidy(target).toLowerCase());
  const [only] = exact.length === 1 ? exact : candidates.length === 1 ? candidates : [];
  if (only) return { tasks: [only] };
  return {
    step: reply(
      `Several tasks match ${quoted(query)}. Which one should I ${action.verb}?\n\n${taskList(items, context)}\n\nSay “the first one”, “number 2”, or use more words.`,
    ),
  };
}

/** A group of tasks named by what they share: "all my tasks", "today’s tasks", "completed tasks", "my work tasks". */
interface Scope {
  readonly status: 'pending' | 'completed';
  readonly window?: Window | undefined;
  readonly tag?: string | undefined;
}

const scopeWords =
  /\b(?:all|every|everything|of|my|the|tasks?|todos?|items?|things?|due|for|to-?dos?|list|today['’]?s?|tomorrow['’]?s?|this|next|week['’]?s?|overdue|late|coming|up|upcoming|completed|finished|done|pending|open|remaining)\b/gi;

/** The group a target names, when it names one rather than one task. */
export function scopeOf(target: string): Scope | undefined {
  const text = tidy(target).toLowerCase();
  const startsAll = /^(?:all|every|everything)\b/.test(text);
  const pluralGroup =
    /^(?:my |the )?(?:[\w'’-]+ )*(?:tasks|todos)$/.test(text) &&
    /\b(?:completed|finished|done|today|tomorrow|overdue|week)/.test(text);
  if ((!startsAll && !pluralGroup) || plural.test(text)) return undefined;
  const status = /\b(?:completed|finished|done)\b/.test(text) ? 'completed' : 'pending';
  const rest = text.replace(scopeWords, ' ').replace(/#/g, '').trim().split(/\s+/).filter(Boolean);
  return { status, window: windowIn(text), ...(rest.length === 1 ? { tag: rest[0] } : {}) };
}

/** The tasks of a group, or the list_tasks call that finds them. */
function byScope(context: PlanContext, scope: Scope): Found {
  const listed = outputOf(context, taskToolNames.list);
  if (listed === undefined)
    return {
      step: call(taskToolNames.list, {
        status: scope.status,
        limit: 100,
        ...(scope.tag ? { tag: scope.tag } : {}),
        ...(scope.window ? fetchBound(scope.window, context) : {}),
      } satisfies ListTasksInput),
    };
  const items = list<TaskView>(listed, 'items');
  // "today’s tasks" are the ones due today and the ones already late, as the list shows them.
  const tasks = !scope.window
    ? items
    : scope.window === 'today'
      ? [...inWindow(items, 'today', context), ...inWindow(items, 'overdue', context)]
      : inWindow(items, scope.window, context);
  if (tasks.length === 0)
    return {
      step: reply(
        scope.status === 'completed'
          ? 'You have no completed tasks, so there is nothing to do.'
          : `Nothing left to do${scope.window ? ` ${scope.window === 'overdue' ? 'that is overdue' : scope.window}` : ''} — nothing changed.`,
      ),
    };
  return { tasks };
}

/** The tasks a target points at: a reference, a place in a list, a group, or words to search. */
function find(context: PlanContext, target: string, action: TaskAction): Found {
  if (context.chosenTask) return { tasks: [context.chosenTask] };
  const text = tidy(target);
  if (single.test(text)) return byReference(context, false, action);
  if (plural.test(text)) return byReference(context, true, action);
  const position = positionIn(text);
  if (position !== undefined) return byPosition(context, position, action);
  const scope = scopeOf(text);
  if (scope) return byScope(context, scope);
  return byWords(context, text, action);
}

/** The reply once the calls of this turn are done. */
function afterCalls(context: PlanContext, action: TaskAction): Step | undefined {
  const done = context.turn.outcomes.filter(
    (outcome) =>
      (outcome.toolName === action.toolName || outcome.toolName === taskToolNames.deleteMany) &&
      outcome.result?.kind === 'output',
  );
  const [first] = done;
  if (!first) return undefined;
  if (done.length === 1) return callThenReply(context, first.toolName as TaskToolName, first.input);
  const titles = done.map((outcome) =>
    quoted(String((outcome.result as { value: { task?: TaskView } }).value.task?.title ?? '')),
  );
  return reply(`${action.done.replace('{count}', count(done.length, 'task'))}: ${titles.join(', ')}.`);
}

/** The calls that do an action to the tasks found (one approval for a delete of several). */
function actOn(context: PlanContext, tasks: readonly TaskView[], action: TaskAction): Step {
  const open = tasks.filter((task) => !action.unchanged?.(task));
  const [first] = tasks;
  if (open.length === 0 && first)
    return reply(
      tasks.length === 1
        ? (action.unchanged?.(first) ?? '')
        : 'Nothing to change: they are all like that already.',
    );
  if (action.toolName === taskToolNames.delete) {
    if (open.length === 1 && open[0])
      return calls(
        [{ toolName: taskToolNames.delete, input: { task_id: open[0].id } }],
        `I’ll delete ${quoted(describeTask(open[0], context))}.`,
      );
    return calls(
      [{ toolName: taskToolNames.deleteMany, input: { task_ids: open.map((task) => task.id) } }],
      `I’ll delete these ${count(open.length, 'task')}:\n\n${taskList(open, context)}`,
    );
  }
  return calls(open.map((task) => ({ toolName: action.toolName, input: action.input(task, context) })));
}

/**
 * The plan for a change to the tasks a target names: "it", "them", "the second one", "all of
 * today’s tasks", "the milk one". Finds them (searching or listing first when needed), acts on
 * each, then says what was done; several matches for words → asks which one.
 */
export function onTasks(context: PlanContext, target: string, action: TaskAction): Step {
  const after = afterCalls(context, action);
  if (after) return after;
  const found = find(context, target, action);
  if ('step' in found) return found.step;
  return actOn(context, found.tasks, action);
}
