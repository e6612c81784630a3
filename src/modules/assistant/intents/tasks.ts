import {
  type ListTasksInput,
  type SearchTasksInput,
  taskToolNames,
  type UpdateTaskFields,
} from '../../tasks/index.js';
import { addDays, dateIn, findDate, nextMonday } from '../dates.js';
import { libraries } from '../libraries.js';
import { quoted } from '../reply/format.js';
import { searchWords, tidy } from '../words.js';
import { callThenReply, type Intent, type PlanContext, reply } from './intent.js';
import { readNewTask } from './new-task.js';
import { onOneTask, type TaskAction } from './task-target.js';

const complete: TaskAction = {
  toolName: taskToolNames.complete,
  verb: 'mark done',
  input: (task) => ({ task_id: task.id }),
  skipWhen: { status: 'completed', message: (task) => `${quoted(task.title)} is already done.` },
};
const remove: TaskAction = {
  toolName: taskToolNames.delete,
  verb: 'delete',
  input: (task) => ({ task_id: task.id }),
};
const update = (verb: string, fields: UpdateTaskFields): TaskAction => ({
  toolName: taskToolNames.update,
  verb,
  input: (task) => ({ task_id: task.id, ...fields }),
});

/** The list_tasks input for "what's due today / tomorrow / this week", "what's overdue". */
function dueBefore(when: string | undefined, context: PlanContext): Pick<ListTasksInput, 'due_before'> {
  const today = dateIn(context.now, context.timeZone);
  switch (when?.toLowerCase().replace(/\s+/g, ' ')) {
    case 'today':
      return { due_before: addDays(today, 1) };
    case 'tomorrow':
      return { due_before: addDays(today, 2) };
    case 'this week':
      return { due_before: nextMonday(today) };
    case 'overdue':
      return { due_before: today };
    default:
      return {};
  }
}

const priorityWords: Record<string, NonNullable<UpdateTaskFields['priority']>> = {
  high: 'high',
  urgent: 'high',
  important: 'high',
  top: 'high',
  low: 'low',
  medium: 'medium',
  normal: 'medium',
};

/** The todo list in plain English: add, list, search, complete, delete and change tasks. */
export const taskIntents: Intent[] = [
  {
    name: 'list finished tasks',
    patterns: [
      /^what (?:have|did) i (?:already )?(?:finish|finished|complete|completed|do|done|get done)(?: so far)?(?: today| this week)?[.!?]*$/i,
      /^(?:show|list|what are)(?: me)? (?:my |the )?(?:completed|finished|done) (?:tasks|todos|items)[.!?]*$/i,
    ],
    plan: (_match, context) =>
      callThenReply(context, taskToolNames.list, { status: 'completed' } satisfies ListTasksInput),
  },
  {
    name: 'list tasks',
    patterns: [
      /^what(?:'s|’s| is)? (?:still )?(?:left|pending|open|remaining)(?: to do| on my list)?[.!?]*$/i,
      /^what(?:'s|’s| is| do i have)? (?:still )?(?:to do|on my (?:list|plate|todo list|to-do list))(?: today)?[.!?]*$/i,
      /^what (?:do i|should i) (?:still )?(?:have to|need to) do[.!?]*$/i,
      /^(?:show|list|give|tell)(?: me)? (?:all )?(?:my |the )?(?:pending |open |remaining )?(?:tasks|todos|to-?do list|todo items|list)(?: tagged #?(?<tag>[\w-]+))?[.!?]*$/i,
      /^(?:show|list)(?: me)? (?:all )?(?:my )?#(?<tag>[\w-]+) tasks[.!?]*$/i,
      /^(?:my )?(?:tasks|todos|to-?do list)[.!?]*$/i,
      /^what(?:'s|’s| is)? (?:due|coming up|on) (?<when>today|tomorrow|this week)[.!?]*$/i,
      /^what(?:'s|’s| is)? (?<when>overdue)[.!?]*$/i,
      /^(?:what|which) tasks are (?:due (?<when>today|tomorrow|this week)|(?<when2>overdue))[.!?]*$/i,
    ],
    plan: ({ tag, when, when2 }, context) =>
      callThenReply(context, taskToolNames.list, {
        status: 'pending',
        ...dueBefore(when ?? when2, context),
        ...(tag ? { tag: tag.toLowerCase() } : {}),
      } satisfies ListTasksInput),
  },
  {
    name: 'search tasks',
    patterns: [
      /^(?:find|search|look for|look up|show)(?: me)?(?: my| the| any)? (?:tasks|todos) (?:about|for|with|mentioning|on|that mention) (?<query>.+?)[.!?]*$/i,
      /^search (?:my )?(?:tasks|todos|to-?do list) for (?<query>.+?)[.!?]*$/i,
      /^do i have (?:a|any) tasks? (?:about|for|to|with) (?<query>.+?)[.!?]*$/i,
    ],
    plan: ({ query }, context) =>
      callThenReply(context, taskToolNames.search, {
        query: searchWords(query ?? ''),
      } satisfies SearchTasksInput),
  },
  {
    name: 'complete a task',
    patterns: [
      /^(?:mark|set|tick|check) (?<target>.+?) (?:as )?(?:done|complete|completed|finished|off)[.!?]*$/i,
      /^(?:tick|check|cross) off (?<target>.+?)[.!?]*$/i,
      /^(?:i(?:'m|’m| am) )?(?:done|finished) with (?<target>.+?)[.!?]*$/i,
      /^(?:complete|finish|close) (?<target>.+?)[.!?]*$/i,
      /^(?<target>.+?) is (?:done|finished|complete|completed)[.!?]*$/i,
      /^(?:i|we)(?:'ve|’ve| have)?(?: just| already| finally)? (?<verb>[a-z]+) (?<target>.+?)[.!?]*$/i,
    ],
    plan: ({ target, verb }, context) => {
      if (verb !== undefined && !isPastTense(verb)) return undefined;
      return onOneTask(context, target ?? '', complete);
    },
  },
  {
    name: 'delete a task',
    patterns: [
      /^(?:delete|remove|drop|erase|get rid of|cancel|forget about) (?:the )?(?:task )?(?<target>.+?)(?: from (?:my|the) (?:list|tasks|todos|to-?do list))?[.!?]*$/i,
    ],
    plan: ({ target }, context) => onOneTask(context, target ?? '', remove),
  },
  {
    name: 'rename a task',
    patterns: [
      /^(?:rename|retitle) (?<target>.+?) (?:to|as) (?<title>.+?)[.!?]*$/i,
      /^change (?:the (?:title|name) of )(?<target>.+?) to (?<title>.+?)[.!?]*$/i,
    ],
    plan: ({ target, title }, context) =>
      onOneTask(context, target ?? '', update('rename', { title: unquoteTitle(title ?? '') })),
  },
  {
    name: 'change a task’s priority',
    patterns: [
      /^(?:make|mark|set) (?<target>.+?) (?:as |to )?(?:a )?(?<level>high|low|medium|normal|top|urgent|important)(?: priority)?[.!?]*$/i,
      /^(?:set|change) the priority of (?<target>.+?) to (?<level>high|low|medium|normal)[.!?]*$/i,
      /^prioriti[sz]e (?<target>.+?)[.!?]*$/i,
    ],
    plan: ({ target, level }, context) =>
      onOneTask(
        context,
        target ?? '',
        update('change', { priority: priorityWords[level?.toLowerCase() ?? 'high'] }),
      ),
  },
  {
    name: 'move a task',
    patterns: [
      /^(?:move|reschedule|postpone|push|shift|change|set) (?:the due date of |the deadline of |back )?(?<target>.+?) (?:to|until|till|for|by) (?<when>.+?)[.!?]*$/i,
      /^(?<target>.+?) is (?:now )?due (?<when>.+?)[.!?]*$/i,
    ],
    plan: ({ target, when }, context) => {
      const date = findDate({ text: when ?? '', now: context.now, timeZone: context.timeZone });
      if (!date)
        return reply(`I could not read a date in ${quoted(when ?? '')}. Try “move the dentist to Friday”.`);
      return onOneTask(context, target ?? '', update('move', { due_date: date.due }));
    },
  },
  {
    name: 'add a task',
    patterns: [
      /^(?:add|put)(?: a)?(?: new)?(?: task| todo| reminder)?(?: to)? (?<title>.+?)[.!?]*$/i,
      /^remind me (?:to |about |that )?(?<title>.+?)[.!?]*$/i,
      /^(?:new task|task|todo|to-do|to do)\s*[:\-–—]\s*(?<title>.+?)[.!?]*$/i,
      /^(?:create|make) (?:a )?(?:new )?(?:task|todo|reminder) (?:to |for |called |titled |named )?(?<title>.+?)[.!?]*$/i,
      /^i (?:need|have|must|should|gotta|got|want) to (?<title>.+?)[.!?]*$/i,
      /^i must (?<title>.+?)[.!?]*$/i,
      /^don['’]?t (?:let me )?forget (?:to |about )?(?<title>.+?)[.!?]*$/i,
    ],
    plan: ({ title }, context) => {
      const task = readNewTask(tidy(title ?? ''), context);
      return callThenReply(context, taskToolNames.add, { ...task });
    },
  },
];

function unquoteTitle(title: string): string {
  return tidy(title).replace(/^["'“‘](.*)["'”’]$/u, '$1');
}

/** Whether a verb is in the past tense ("bought", "called"), as compromise reads it. */
function isPastTense(verb: string): boolean {
  return libraries().nlp(`I ${verb}`).has('#PastTense');
}

/** The intents that change one task, which a "which one?" answer ("the second one") can finish. */
export const tasksChosenFromList: ReadonlySet<string> = new Set([
  'complete a task',
  'delete a task',
  'rename a task',
  'change a task’s priority',
  'move a task',
]);
