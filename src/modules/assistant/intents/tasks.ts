import { type AddTaskInput, taskToolNames, type UpdateTaskFields } from '../../tasks/index.js';
import { addDays, dateIn, dueDay, dueTime, findDate, shiftDue, zonedDateTime } from '../dates.js';
import { libraries } from '../libraries.js';
import { lastAdded } from '../memory.js';
import { quoted, type TaskView } from '../reply/format.js';
import { tidy } from '../words.js';
import { callThenReply, type Intent, type Match, type PlanContext, reply } from './intent.js';
import { readNewTask, titleOf } from './new-task.js';
import { onTasks, type TaskAction } from './task-target.js';

const complete: TaskAction = {
  toolName: taskToolNames.complete,
  verb: 'mark done',
  done: 'Marked {count} done',
  input: (task) => ({ task_id: task.id }),
  unchanged: (task) => (task.status === 'completed' ? `${quoted(task.title)} is already done.` : undefined),
};
const reopen: TaskAction = {
  toolName: taskToolNames.update,
  verb: 'reopen',
  done: 'Reopened {count}',
  input: (task) => ({ task_id: task.id, status: 'pending' }),
  unchanged: (task) => (task.status === 'pending' ? `${quoted(task.title)} is not done yet.` : undefined),
};
const remove: TaskAction = {
  toolName: taskToolNames.delete,
  verb: 'delete',
  done: 'Deleted {count}',
  input: (task) => ({ task_id: task.id }),
};
const update = (
  verb: string,
  fields: (task: TaskView, context: PlanContext) => UpdateTaskFields,
  unchanged?: (task: TaskView) => string | undefined,
): TaskAction => ({
  toolName: taskToolNames.update,
  verb,
  done: 'Updated {count}',
  input: (task, context) => ({ task_id: task.id, ...fields(task, context) }),
  ...(unchanged ? { unchanged } : {}),
});

const levels = 'high|low|medium|normal|top|urgent|important|highest|lowest';
const priorityWords: Record<string, NonNullable<UpdateTaskFields['priority']>> = {
  high: 'high',
  highest: 'high',
  urgent: 'high',
  important: 'high',
  top: 'high',
  low: 'low',
  lowest: 'low',
  medium: 'medium',
  normal: 'medium',
};
const priorityChange = (level: string | undefined) => {
  const priority = priorityWords[level?.toLowerCase() ?? 'high'] ?? 'high';
  return update('change', () => ({ priority }));
};

/** Tags named in a phrase: "#home and #shopping", "work", "home, errands". */
const tagsIn = (phrase: string) =>
  phrase
    .split(/\s*(?:,|\band\b|\s)\s*/)
    .map((tag) => tag.replace(/^#/, '').toLowerCase())
    .filter(Boolean);

const addTags = (tags: string[]) =>
  update(
    'tag',
    (task) => ({ tags: [...new Set([...task.tags, ...tags])] }),
    (task) =>
      tags.every((tag) => task.tags.includes(tag))
        ? `${quoted(task.title)} is already tagged ${tags.map((tag) => `#${tag}`).join(' ')}.`
        : undefined,
  );
const removeTags = (tags: string[]) =>
  update(
    'untag',
    (task) => ({ tags: task.tags.filter((tag) => !tags.includes(tag)) }),
    (task) =>
      tags.some((tag) => task.tags.includes(tag))
        ? undefined
        : `${quoted(task.title)} has no tag ${tags.map((tag) => `#${tag}`).join(' ')}.`,
  );

/** "tag send invoices work" / "tag it with #home and #shopping": the target and the tags. */
function splitTagging(rest: string): { target: string; tags: string[] } {
  const withWord = /^(?<target>.+?) (?:with|as) (?<tags>.+)$/i.exec(rest);
  if (withWord?.groups)
    return { target: withWord.groups.target ?? '', tags: tagsIn(withWord.groups.tags ?? '') };
  const hashed = [...rest.matchAll(/#([\w-]+)/g)].map((match) => (match[1] ?? '').toLowerCase());
  if (hashed.length)
    return {
      target: rest
        .replace(/#[\w-]+/g, '')
        .replace(/\band\b/g, '')
        .trim(),
      tags: hashed,
    };
  const words = rest.split(' ');
  return { target: words.slice(0, -1).join(' '), tags: tagsIn(words.at(-1) ?? '') };
}

/** A relative move: "a week", "by 2 days", "next week" (from the task's own date). */
function shiftDays(when: string): number | undefined {
  const text = tidy(when)
    .toLowerCase()
    .replace(/^(?:back |forward )?(?:by |to |for )?/, '');
  if (text === 'next week') return 7;
  const match = /^(?<size>a|an|one|two|three|\d+) (?<unit>day|week)s?(?: later| back)?$/.exec(text);
  if (!match?.groups) return undefined;
  const sizes: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };
  const size = sizes[match.groups.size ?? ''] ?? Number(match.groups.size);
  return size * (match.groups.unit === 'week' ? 7 : 1);
}

/** A time alone ("4pm", "at 9:30"): the task keeps its day. */
const timeOnly = /^(?:at )?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i;

/** The new due date for "move X to <when>", or a reply when <when> is not a date. */
function newDue(when: string, context: PlanContext): ((task: TaskView) => string) | string {
  const days = shiftDays(when);
  const today = dateIn(context.now, context.timeZone);
  if (days !== undefined)
    return (task) => (task.due_date ? shiftDue(task.due_date, days, context.timeZone) : addDays(today, days));
  const time = timeOnly.exec(tidy(when));
  if (time) {
    let hour = Number(time[1]);
    const meridiem = time[3]?.toLowerCase();
    if (meridiem === 'pm' && hour < 12) hour += 12;
    else if (meridiem === 'am' && hour === 12) hour = 0;
    else if (!meridiem && hour >= 1 && hour <= 6) hour += 12;
    return (task) =>
      zonedDateTime(
        task.due_date ? dueDay(task.due_date, context.timeZone) : today,
        hour,
        Number(time[2] ?? 0),
        context.timeZone,
      );
  }
  const date = findDate({
    text: when,
    now: context.now,
    timeZone: context.timeZone,
    weekStart: context.weekStart,
  });
  if (!date) return `I could not read a date in ${quoted(when)}. Try “move the dentist to Friday”.`;
  return () => date.due;
}

function moveTo({ target, when }: Match, context: PlanContext) {
  const due = newDue(when ?? '', context);
  if (typeof due === 'string') return reply(due);
  return onTasks(
    context,
    target ?? '',
    update('move', (task) => ({ due_date: due(task) })),
  );
}

/** "same for dad", "one for eggs too": the last task added, for another thing. */
function anotherLike(object: string, context: PlanContext) {
  const last = lastAdded(context.memory);
  if (!last) return undefined;
  const verb = /^(\S+(?: (?:up|off|out|in|back|down|on|over|away))?) /i.exec(last.title)?.[1];
  const title = verb ? `${verb} ${tidy(object)}` : titleOf(object);
  const time = last.due_date ? dueTime(last.due_date, context.timeZone) : undefined;
  const due = last.due_date
    ? time
      ? zonedDateTime(dueDay(last.due_date, context.timeZone), time.hour, time.minute, context.timeZone)
      : dueDay(last.due_date, context.timeZone)
    : undefined;
  return callThenReply(context, taskToolNames.add, {
    title,
    ...(due ? { due_date: due } : {}),
    ...(last.priority !== 'medium' ? { priority: last.priority } : {}),
    ...(last.tags.length ? { tags: [...last.tags] } : {}),
  } satisfies AddTaskInput);
}

/** "I gotta …", "I need …": something to do, not something done. */
const intending =
  /^(?:gotta|got|need|needa|have|must|should|want|wanna|ought|will|shall|can|could|would|might|may)$/i;

const done = '(?:done|complete|completed|finished|off)';

/** Changes to tasks in plain English: add, complete, reopen, delete, rename, move, priority, tags. */
export const taskIntents: Intent[] = [
  {
    name: 'another task like the last one',
    patterns: [
      /^(?:add )?(?:one|another(?: one)?) for (?<object>.+?)(?: too| as well)?[.!?]*$/i,
      /^(?:the )?same (?:for|with) (?<object>.+?)(?: too| as well)?[.!?]*$/i,
    ],
    plan: ({ object }, context) => anotherLike(object ?? '', context),
  },
  {
    name: 'reopen a task',
    patterns: [
      /^(?:mark|set) (?<target>.+?) (?:as )?(?:not done|undone|not finished|open|pending|incomplete)[.!?]*$/i,
      /^(?:reopen|re-open|uncomplete|undo the completion of) (?<target>.+?)[.!?]*$/i,
      /^(?<target>.+?) (?:is|isn['’]t) not (?:done|finished)(?: yet)?[.!?]*$/i,
    ],
    plan: ({ target }, context) => onTasks(context, target ?? '', reopen),
  },
  {
    name: 'change a task’s tags',
    patterns: [
      /^(?<verb>tag|label) (?<rest>.+?)[.!?]*$/i,
      /^add (?:the )?(?:tags?|labels?) (?<tags>.+?) to (?<target>.+?)[.!?]*$/i,
      /^(?:remove|delete|drop|take off) (?:the )?(?<untag>#?[\w-]+) (?:tag|label) (?:from|of|on) (?<target>.+?)[.!?]*$/i,
      /^untag (?<target>.+?) (?<untag>#?[\w-]+)[.!?]*$/i,
    ],
    plan: ({ rest, tags, untag, target }, context) => {
      if (untag) return onTasks(context, target ?? '', removeTags(tagsIn(untag)));
      if (tags) return onTasks(context, target ?? '', addTags(tagsIn(tags)));
      const split = splitTagging(rest ?? '');
      if (!split.target || split.tags.length === 0) return undefined;
      return onTasks(context, split.target, addTags(split.tags));
    },
  },
  {
    name: 'change a task’s priority',
    patterns: [
      /^(?:set|change|make|put) (?:the )?priority (?:of|on|for) (?<target>.+?) (?:to|as|at) (?<level>high|low|medium|normal|top|urgent)[.!?]*$/i,
      /^(?:set|change|make|put) (?<target>.+?)['’]?s? priority (?:to |as |at )?(?<level>high|low|medium|normal|top|urgent)[.!?]*$/i,
      new RegExp(
        `^(?:make|mark|set|change|switch|put|move) (?<target>.+?) (?:as |to |at |into )?(?:an? )?(?<level>${levels})(?: priority)?[.!?]*$`,
        'i',
      ),
      new RegExp(`^(?<target>.+?) is (?:an? )?(?<level>${levels})(?: priority)?[.!?]*$`, 'i'),
      /^(?:prioriti[sz]e|bump up|escalate) (?<target>.+?)[.!?]*$/i,
      /^(?:lower|reduce|decrease|drop) the priority (?:of|on) (?<target>.+?)(?<low>)[.!?]*$/i,
      /^deprioriti[sz]e (?<target>.+?)(?<low>)[.!?]*$/i,
    ],
    plan: ({ target, level, low }, context) =>
      onTasks(context, target ?? '', priorityChange(low !== undefined ? 'low' : level)),
  },
  {
    name: 'clear a due date',
    patterns: [
      /^(?:remove|clear|delete|drop|take off) the (?:due )?(?:date|deadline) (?:from|of|on) (?<target>.+?)[.!?]*$/i,
      /^(?<target>.+?) (?:has|needs) no (?:due )?(?:date|deadline)[.!?]*$/i,
    ],
    plan: ({ target }, context) =>
      onTasks(
        context,
        target ?? '',
        update('move', () => ({ due_date: null })),
      ),
  },
  {
    name: 'complete a task',
    patterns: [
      new RegExp(`^(?:mark|set|tick|check) (?<target>.+?) (?:as )?${done}[.!?]*$`, 'i'),
      /^(?:tick|check|cross) off (?<target>.+?)[.!?]*$/i,
      /^(?:tick|check|cross) (?<target>.+?) off[.!?]*$/i,
      /^(?:i(?:'m|’m| am) )?(?:done|finished) with (?<target>.+?)[.!?]*$/i,
      /^(?:complete|finish|close|finished|completed) (?<target>.+?)[.!?]*$/i,
      /^(?<target>.+?)(?: is|['’]s) (?:done|finished|complete|completed)[.!?]*$/i,
      /^(?<target>)(?:done|finished|completed)[.!?]*$/i,
      /^(?:i|we)(?:'ve|’ve| have)?(?: just| already| finally)? (?<verb>[a-z]+) (?<target>.+?)[.!?]*$/i,
    ],
    plan: ({ target, verb }, context) => {
      if (verb !== undefined && (intending.test(verb) || !isPastTense(verb))) return undefined;
      return onTasks(context, target || 'it', complete);
    },
  },
  {
    name: 'delete a task',
    patterns: [
      /^(?:delete|remove|drop|erase|get rid of|cancel|forget about|clear|clear out|trash|bin) (?:the )?(?:task )?(?<target>.+?)(?: from (?:my|the) (?:list|tasks|todos|to-?do list))?[.!?]*$/i,
    ],
    plan: ({ target }, context) => onTasks(context, target ?? '', remove),
  },
  {
    name: 'rename a task',
    patterns: [
      /^(?:rename|retitle) (?<target>.+?) (?:to|as) (?<title>.+?)[.!?]*$/i,
      /^change (?:the (?:title|name) of )(?<target>.+?) to (?<title>.+?)[.!?]*$/i,
      /^call (?<target>it|that|this one) (?<title>.+?)[.!?]*$/i,
    ],
    plan: ({ target, title }, context) =>
      onTasks(
        context,
        target ?? '',
        update('rename', () => ({ title: titleOf(title ?? '') })),
      ),
  },
  {
    name: 'move a task',
    patterns: [
      /^(?:push|move|put|set) (?<target>.+?) (?<when>back (?:by )?.+?)[.!?]*$/i,
      /^(?:move|reschedule|postpone|push|shift|change|set|delay|defer) (?:the due date of |the deadline of |back )?(?<target>.+?) (?:to|until|till|for|by|on) (?<when>.+?)[.!?]*$/i,
      /^(?:make|set) (?<target>.+?) due (?<when>.+?)[.!?]*$/i,
      /^(?<target>.+?)(?: is|['’]s) (?:now )?due (?<when>.+?)[.!?]*$/i,
    ],
    plan: moveTo,
  },
  {
    name: 'add a task',
    patterns: [
      /^(?:add|put)(?: a)?(?: new)?(?: task| todo| reminder| to-?do)?(?:\s*:)?(?: to)? (?<title>.+?)[.!?]*$/i,
      /^remind me (?:to |about |that )?(?<title>.+?)[.!?]*$/i,
      /^(?:new task|new todo|new to-?do|task|todo|to-do|to do)\s*[:\-–—]?\s+(?<title>.+?)[.!?]*$/i,
      /^(?:create|make) (?:a )?(?:new )?(?:task|todo|reminder) (?:to |for |called |titled |named )?(?<title>.+?)[.!?]*$/i,
      /^i (?:need|have|must|should|gotta|got|want|ought) to (?<title>.+?)[.!?]*$/i,
      /^i (?:must|should|gotta|better) (?<title>.+?)[.!?]*$/i,
      /^don['’]?t (?:let me )?forget (?:to |about )?(?<title>.+?)[.!?]*$/i,
    ],
    plan: ({ title }, context) => {
      const task = readNewTask(title ?? '', context);
      return callThenReply(context, taskToolNames.add, { ...task });
    },
  },
];

/** Whether a verb is in the past tense ("bought", "called"), as compromise reads it. */
function isPastTense(verb: string): boolean {
  return libraries().nlp(`I ${verb}`).has('#PastTense');
}
