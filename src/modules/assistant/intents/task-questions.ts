import { type ListTasksInput, type SearchTasksInput, taskToolNames } from '../../tasks/index.js';
import { formatDue } from '../dates.js';
import { lastAdded } from '../memory.js';
import { count, list, quoted, type TaskView } from '../reply/format.js';
import { describeTask } from '../reply/tasks.js';
import { searchWords } from '../words.js';
import { call, callThenReply, type Intent, outputOf, type PlanContext, reply, type Step } from './intent.js';
import { fetchBound, inWindow, type Window, windowIn, windowSections } from './task-window.js';

/** Numbered sections whose numbers run on, so "the third one" points at one task. */
function sectionsText(sections: { heading: string; tasks: TaskView[] }[], context: PlanContext): string {
  let number = 0;
  return sections
    .map(
      (section) =>
        `${section.heading}:\n\n${section.tasks.map((task) => `${(number += 1)}. ${describeTask(task, context)}`).join('\n')}`,
    )
    .join('\n\n');
}

const nothingDue: Record<Window, string> = {
  today: 'Nothing is due today, and nothing is overdue.',
  tomorrow: 'Nothing is due tomorrow.',
  'this week': 'Nothing is due this week, and nothing is overdue.',
  'next week': 'Nothing is due next week.',
  overdue: 'Nothing is overdue.',
  'coming up': 'Nothing with a due date is coming up.',
};

/** List the pending tasks, then answer with what `answer` makes of them. */
function onPending(context: PlanContext, input: ListTasksInput, answer: (tasks: TaskView[]) => string): Step {
  const listed = outputOf(context, taskToolNames.list);
  if (listed === undefined) return call(taskToolNames.list, input);
  return reply(answer(list<TaskView>(listed, 'items')));
}

function dueIn(window: Window, context: PlanContext): Step {
  return onPending(context, { status: 'pending', limit: 100, ...fetchBound(window, context) }, (tasks) => {
    const sections = windowSections(tasks, window, context);
    return sections.length ? sectionsText(sections, context) : nothingDue[window];
  });
}

function howMany(
  { done, overdue }: { done?: string | undefined; overdue?: string | undefined },
  context: PlanContext,
): Step {
  if (done)
    return onPending(context, { status: 'completed', limit: 100 }, (tasks) =>
      tasks.length
        ? `You have finished ${count(tasks.length, 'task')}.`
        : 'You have not finished any tasks yet.',
    );
  if (overdue)
    return onPending(
      context,
      { status: 'pending', limit: 100, ...fetchBound('overdue', context) },
      (tasks) => {
        const late = inWindow(tasks, 'overdue', context).length;
        return late ? `${count(late, 'task')} ${late === 1 ? 'is' : 'are'} overdue.` : 'Nothing is overdue.';
      },
    );
  return onPending(context, { status: 'pending', limit: 100 }, (tasks) =>
    tasks.length ? `You have ${count(tasks.length, 'task')} to do.` : 'You have no tasks to do.',
  );
}

function isItDone(target: string, context: PlanContext): Step {
  const query = searchWords(target);
  const found = outputOf(context, taskToolNames.search);
  if (found === undefined) return call(taskToolNames.search, { query } satisfies SearchTasksInput);
  const items = list<TaskView>(found, 'items');
  const state = (task: TaskView) =>
    task.status === 'completed'
      ? `${quoted(task.title)} is done.`
      : `${quoted(task.title)} is not done yet${task.due_date ? ` (due ${formatDue(task.due_date, context)})` : ''}.`;
  if (items.length === 0) return reply(`I could not find a task matching ${quoted(query)}.`);
  if (items.length === 1 && items[0]) return reply(state(items[0]));
  return reply(items.map(state).join('\n'));
}

const highPriority = (context: PlanContext) =>
  onPending(context, { status: 'pending', limit: 100 }, (tasks) => {
    const urgent = tasks.filter((task) => task.priority === 'high');
    if (urgent.length === 0) return 'Nothing is high priority.';
    return `You have ${count(urgent.length, 'high-priority task')}:\n\n${urgent.map((task, index) => `${index + 1}. ${describeTask(task, context)}`).join('\n')}`;
  });

const listPending = (context: PlanContext, tag?: string) =>
  callThenReply(context, taskToolNames.list, {
    status: 'pending',
    ...(tag ? { tag: tag.toLowerCase() } : {}),
  } satisfies ListTasksInput);

const listWords = '(?:tasks|todos|to-?dos|to-?do list|todo items|list|items|things)';

/** Questions about the todo list: what is left, what is due when, how many, is it done. */
export const taskQuestionIntents: Intent[] = [
  {
    name: 'what was just added',
    patterns: [
      /^what (?:did i|have i) just (?:add|added|put)(?: to my list)?[.!?]*$/i,
      /^what was the last (?:task|thing|one) i added[.!?]*$/i,
      /^what did i add(?: last)?[.!?]*$/i,
    ],
    plan: (_match, context) => {
      const task = lastAdded(context.memory);
      return reply(
        task
          ? `You just added ${quoted(describeTask(task, context))}.`
          : 'You have not added a task in this conversation yet.',
      );
    },
  },
  {
    name: 'how many tasks',
    patterns: [
      /^how many (?:tasks |things |todos |items )?(?:are |have i )?(?<done>done|finished|completed|complete)[.!?]*$/i,
      /^how many (?:tasks |things |todos |items )?(?:are |do i have )?(?<overdue>overdue|late)[.!?]*$/i,
      /^how many (?:tasks|things|todos|items)?\s*(?:do i (?:still )?have|are (?:there|left|pending|open|remaining)|(?:are )?left|have i got|remain|to do)?(?: left| to do| on my list| pending)?[.!?]*$/i,
    ],
    plan: (match, context) => howMany(match, context),
  },
  {
    name: 'is a task done',
    patterns: [
      /^(?:is|has) (?<target>.+?) (?:been )?(?:done|finished|completed|complete)(?: yet)?[.!?]*$/i,
      /^did i (?:already )?(?<target>.+?)(?: yet)?\?+$/i,
      /^have i (?:already )?(?:done|finished|completed) (?<target>.+?)(?: yet)?[.!?]*$/i,
    ],
    plan: ({ target }, context) => isItDone(target ?? '', context),
  },
  {
    name: 'search tasks',
    patterns: [
      /^(?:find|search|look for|look up|show)(?: me)?(?: my| the| any)? (?:tasks|todos) (?:about|for|with|mentioning|on|that mention|containing) (?<query>.+?)[.!?]*$/i,
      /^search (?:my )?(?:tasks|todos|to-?do list) for (?<query>.+?)[.!?]*$/i,
      /^do i have (?:a|any) tasks? (?:about|for|to|with|mentioning) (?<query>.+?)[.!?]*$/i,
    ],
    plan: ({ query }, context) =>
      callThenReply(context, taskToolNames.search, {
        query: searchWords(query ?? ''),
      } satisfies SearchTasksInput),
  },
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
    name: 'what is due when',
    patterns: [
      /^(?:what(?:'s|’s| is)|anything|is anything|is there anything|what do i have|what have i got|what tasks are|which tasks are|do i have anything|what(?:'s| is) (?:still )?)\s*(?:due |left |to do |on |coming up |scheduled )?(?:for )?(?<when>today|tomorrow|this week|next week|overdue|late|coming up|upcoming)[.!?]*$/i,
      /^what (?:do|should|must) i (?:have to |need to )?do (?<when>today|tomorrow|this week|next week)[.!?]*$/i,
      new RegExp(
        `^(?:show|list|give)(?: me)? (?:my |the )?(?<when>today['’]s|tomorrow['’]s|overdue|this week['’]s|upcoming) ${listWords}[.!?]*$`,
        'i',
      ),
      /^(?:am i|is anything|are any tasks|are there (?:any )?tasks) (?<when>overdue|late|behind)[.!?]*$/i,
    ],
    plan: ({ when }, context) => dueIn(windowIn(when ?? '') ?? 'overdue', context),
  },
  {
    name: 'what is urgent',
    patterns: [
      /^what(?:'s|’s| is) (?:urgent|important|high priority)[.!?]*$/i,
      new RegExp(
        `^(?:show|list|give|what are)(?: me)? (?:my |the )?(?:urgent|important|high[ -]priority) ${listWords}[.!?]*$`,
        'i',
      ),
    ],
    plan: (_match, context) => highPriority(context),
  },
  {
    name: 'list tasks by tag',
    patterns: [
      new RegExp(
        `^(?:show|list|give)(?: me)? (?:all )?(?:my |the )?${listWords} (?:tagged|with the tag|labelled|labeled) #?(?<tag>[\\w-]+)[.!?]*$`,
        'i',
      ),
      new RegExp(
        `^(?:show|list|give)(?: me)? (?:all )?(?:my |the )?#(?<tag>[\\w-]+) ${listWords}[.!?]*$`,
        'i',
      ),
      /^what(?:'s|’s| is) (?:tagged|labelled|labeled) #?(?<tag>[\w-]+)[.!?]*$/i,
    ],
    plan: ({ tag }, context) => listPending(context, tag),
  },
  {
    name: 'list everything',
    patterns: [
      /^(?:show|list|give)(?: me)? (?:everything|all (?:my |of my |the )?(?:tasks|todos)(?: including (?:the )?(?:done|finished|completed) ones)?)[.!?]*$/i,
    ],
    plan: (_match, context) =>
      callThenReply(context, taskToolNames.list, { status: 'all' } satisfies ListTasksInput),
  },
  {
    name: 'list tasks',
    patterns: [
      /^what(?:'s|’s| is)? (?:still )?(?:left|pending|open|remaining|next)(?: to do| on my list| for me)?[.!?]*$/i,
      /^what(?:'s|’s| is| do i have)? (?:still )?(?:to do|on my (?:list|plate|todo list|to-?do list|agenda))(?: today)?[.!?]*$/i,
      /^what (?:are|r) my (?:tasks|todos|to-?dos)[.!?]*$/i,
      /^what (?:do i|should i|must i) (?:still )?(?:have to |need to )?do(?: next| now)?[.!?]*$/i,
      new RegExp(
        `^(?:show|list|give|tell)(?: me)? (?:all )?(?:my |the )?(?:pending |open |remaining )?${listWords}[.!?]*$`,
        'i',
      ),
      /^(?:show|tell)(?: me)? what(?:'s|’s| is) (?:left|pending|open|remaining)[.!?]*$/i,
      new RegExp(`^(?:my )?${listWords}[.!?]*$`, 'i'),
      /^(?:anything|is there anything|do i have anything|do i have any tasks)(?: (?:left|else))?(?: to do)?[.!?]*$/i,
    ],
    plan: (_match, context) => listPending(context),
  },
];
