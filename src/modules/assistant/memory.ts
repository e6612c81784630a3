import { taskToolNames } from '../tasks/index.js';
import type { ToolOutcome, Turn } from './conversation.js';
import { field, list, type TaskView } from './task-view.js';

/** One change to a task that a turn made, with the task as it was before (for undo). */
export interface TaskChange {
  readonly toolName: string;
  readonly input: Record<string, unknown>;
  /** The task afterwards; for a delete, the task deleted. */
  readonly task: TaskView;
  /** The task as the conversation last saw it before the change; undefined for an add. */
  readonly before: TaskView | undefined;
}

/** What one earlier turn did with tasks. */
export interface TurnMemory {
  readonly changes: readonly TaskChange[];
  /** The tasks the turn showed, in the order the user saw them. */
  readonly shown: readonly TaskView[];
  /** True when the reply listed them numbered (so "the second one" points into it). */
  readonly numbered: boolean;
  /** True when the reply asked "which one?". */
  readonly askedWhich: boolean;
  /**
   * Task titles the reply named when the history holds no tool calls for the turn (an OpenAI
   * client sends only the texts): its numbered lines, else its “quoted” titles.
   */
  readonly mentioned: readonly string[];
}

/**
 * The conversation's state, derived from its stored history alone (so it survives reloads and
 * works for any client that sends the history): per earlier turn, the tasks it changed and showed.
 */
export interface Memory {
  /** One entry per earlier turn, oldest first. */
  readonly turns: readonly TurnMemory[];
}

const changeTools: ReadonlySet<string> = new Set([
  taskToolNames.add,
  taskToolNames.complete,
  taskToolNames.update,
  taskToolNames.delete,
  taskToolNames.deleteMany,
]);
const listingTools: ReadonlySet<string> = new Set([taskToolNames.list, taskToolNames.search]);

const isTask = (value: unknown): value is TaskView =>
  typeof field(value, 'id') === 'string' && typeof field(value, 'title') === 'string';

/** The tasks a tool's output holds: `task`, `tasks` or `items`. */
export function tasksIn(output: unknown): TaskView[] {
  const one = field(output, 'task');
  if (isTask(one)) return [one];
  return [...list(output, 'tasks'), ...list(output, 'items')].filter(isTask);
}

const succeeded = (outcome: ToolOutcome): outcome is ToolOutcome & { result: { kind: 'output' } } =>
  outcome.result?.kind === 'output';

/** A title in a reply that reports a change ("Added “Buy milk” to your list", "Done: “Buy milk” …"). */
const reportedTitle = /^(?:Added|Done:|Updated|Renamed it|Restored|Deleted|You just added) “([^”]+)”/gmu;

/** The numbered lines of a reply ("2. Buy milk — due Mon 7 Dec"), as titles in order. */
function numberedTitles(reply: string): string[] {
  return [...reply.matchAll(/^\d+\. (?:✓ )?(.+?)(?: — .*)?$/gmu)].map((match) => match[1] ?? '');
}

/** Reads the tasks each earlier turn changed and showed, keeping the latest version of each task seen. */
export function readMemory(earlier: readonly Turn[]): Memory {
  const known = new Map<string, TaskView>();
  // Only a history without any tool calls (an OpenAI client's) is read from the reply texts.
  const textOnly = earlier.every((turn) => turn.outcomes.length === 0);
  const turns = earlier.map((turn): TurnMemory => {
    const changes: TaskChange[] = [];
    const listed: TaskView[] = [];
    for (const outcome of turn.outcomes.filter(succeeded)) {
      const tasks = tasksIn(outcome.result.value);
      if (changeTools.has(outcome.toolName))
        for (const task of tasks) changes.push({ ...outcome, task, before: known.get(task.id) });
      else if (listingTools.has(outcome.toolName)) listed.push(...tasks);
      for (const task of tasks) known.set(task.id, task);
    }
    const titles = numberedTitles(turn.reply);
    const candidates = [...listed, ...known.values()];
    const byTitle = titles.flatMap((title) => candidates.find((task) => task.title === title) ?? []);
    const numbered = titles.length > 0 && byTitle.length === titles.length;
    const quotedTitles = [...turn.reply.matchAll(reportedTitle)].map((match) => match[1] ?? '');
    return {
      changes,
      shown: numbered ? byTitle : listed,
      numbered,
      askedWhich: /\bWhich one\b/.test(turn.reply),
      mentioned: textOnly && !numbered ? (titles.length > 0 ? titles : quotedTitles) : [],
    };
  });
  return { turns };
}

/** The newest earlier turn that did something with tasks (changed or showed some). */
export function lastTaskTurn(memory: Memory): TurnMemory | undefined {
  return memory.turns.findLast(
    (turn) => turn.changes.length > 0 || turn.shown.length > 0 || turn.mentioned.length > 0,
  );
}

/**
 * What "it", "them" point at: the tasks the newest turn that dealt with tasks changed (added,
 * completed, …) or else showed; `listed` says whether they were a list the user was shown.
 */
export function inFocus(
  memory: Memory,
): { tasks: TaskView[]; listed: boolean; titles: readonly string[] } | undefined {
  const turn = lastTaskTurn(memory);
  if (!turn) return undefined;
  if (turn.mentioned.length > 0) return { tasks: [], listed: true, titles: turn.mentioned };
  if (turn.changes.length > 0) {
    const seen = new Map<string, TaskView>();
    for (const change of turn.changes) seen.set(change.task.id, change.task);
    return { tasks: [...seen.values()], listed: false, titles: [] };
  }
  return { tasks: [...turn.shown], listed: true, titles: [] };
}

/** The titles of the newest numbered list a text-only history showed. */
export function lastNumberedTitles(memory: Memory): readonly string[] | undefined {
  const turn = memory.turns.findLast((candidate) => candidate.numbered || candidate.mentioned.length > 0);
  return turn && !turn.numbered ? turn.mentioned : undefined;
}

/** The newest numbered list the user was shown. */
export function lastNumberedList(memory: Memory): readonly TaskView[] | undefined {
  return memory.turns.findLast((turn) => turn.numbered)?.shown;
}

/** The changes of the newest turn that changed tasks. */
export function lastChanges(memory: Memory): readonly TaskChange[] {
  return memory.turns.findLast((turn) => turn.changes.length > 0)?.changes ?? [];
}

/** The newest task added in the conversation. */
export function lastAdded(memory: Memory): TaskView | undefined {
  return memory.turns
    .flatMap((turn) => turn.changes)
    .findLast((change) => change.toolName === taskToolNames.add)?.task;
}
