import type { AddTaskInput } from '../../tasks/index.js';
import { findDate } from '../dates.js';
import type { PlanContext } from '../plan-context.js';
import { tidy } from '../words.js';

/** The add_task input read from a phrase such as "call Sam tomorrow #family with high priority". */
export type NewTask = Pick<AddTaskInput, 'title' | 'due_date' | 'priority' | 'tags'>;

const tagPattern = /(?:^|\s)#([\p{L}\p{N}_-]+)/gu;
const priorityPatterns: [RegExp, NewTask['priority']][] = [
  [/\s*\b(?:with|at|as)?\s*(?:a\s+)?(high|top|urgent)[\s-]priority\b/i, 'high'],
  [/\s*\b(?:with|at|as)?\s*(?:a\s+)?(low)[\s-]priority\b/i, 'low'],
  [/\s*\b(?:with|at|as)?\s*(?:a\s+)?(medium|normal)[\s-]priority\b/i, 'medium'],
  [/\s*[,(-]?\s*\b(?:it['’]?s\s+)?(?:urgent|asap|important)\b\)?/i, 'high'],
];
/** "to my list", "on the todo list": where it goes, not what to do. */
const listPhrase =
  /\s*\b(?:to|on|in|onto)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos)\b/i;
/** Words left before a removed date ("call Sam by", "pay rent due"). */
const dateLead = /\s*\b(?:by|due|before|until|till|on|at|for)\s*$/i;
const quotedTitle = /^\s*["“‘'](.+)["”’']\s*$/u;

/**
 * A task title in the user's words and casing: a quoted title exactly as written; otherwise the
 * first letter in upper case, unless the first word has capitals of its own ("iPhone").
 */
export function titleOf(phrase: string): string {
  const quoted = quotedTitle.exec(phrase);
  if (quoted) return tidy(quoted[1] ?? '');
  const title = tidy(phrase);
  const firstWord = title.split(' ')[0] ?? '';
  if (/[A-Z]/.test(firstWord.slice(1))) return title;
  return `${title.charAt(0).toUpperCase()}${title.slice(1)}`;
}

/**
 * Reads what to do, when, how urgent and under which tags from a phrase: #tags, "high priority" /
 * "urgent", and a date or time (see findDate) — each taken out of the title, which keeps the rest
 * of the user's words. A quoted phrase is the title as written.
 */
export function readNewTask(
  phrase: string,
  { now, timeZone, weekStart }: Pick<PlanContext, 'now' | 'timeZone' | 'weekStart'>,
): NewTask {
  const quotedPart = /["“](.+?)["”]/u.exec(phrase);
  let rest = (quotedPart ? phrase.replace(quotedPart[0], ' ') : phrase).replace(listPhrase, '');
  const tags = [...rest.matchAll(tagPattern)].map((match) => (match[1] ?? '').toLowerCase());
  rest = rest.replace(tagPattern, ' ');
  let priority: NewTask['priority'];
  for (const [pattern, level] of priorityPatterns) {
    if (!pattern.test(rest)) continue;
    priority = level;
    rest = rest.replace(pattern, ' ');
    break;
  }
  const date = findDate({ text: rest, now, timeZone, weekStart });
  if (date) {
    const before = rest.slice(0, date.index).replace(dateLead, '');
    rest = `${before} ${rest.slice(date.index + date.text.length)}`;
  }
  const words = tidy(rest.replace(/^\s*(?:to|that|about)\s+/i, ''));
  const title = quotedPart ? tidy(quotedPart[1] ?? '') : titleOf(words);
  return {
    title: title || titleOf(phrase),
    ...(date ? { due_date: date.due } : {}),
    ...(priority ? { priority } : {}),
    ...(tags.length ? { tags: [...new Set(tags)] } : {}),
  };
}
