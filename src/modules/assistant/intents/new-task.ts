import type { AddTaskInput } from '../../tasks/index.js';
import { findDate } from '../dates.js';
import { sentenceCase, tidy } from '../words.js';

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

/**
 * Reads what to do, when, how urgent and under which tags from a phrase: #tags, "high priority" /
 * "urgent", and a date or time by chrono-node relative to `now` in `timeZone` — each taken out of
 * the title.
 */
export function readNewTask(phrase: string, { now, timeZone }: { now: Date; timeZone: string }): NewTask {
  let rest = phrase.replace(listPhrase, '');
  const tags = [...rest.matchAll(tagPattern)].map((match) => (match[1] ?? '').toLowerCase());
  rest = rest.replace(tagPattern, ' ');
  let priority: NewTask['priority'];
  for (const [pattern, level] of priorityPatterns) {
    if (!pattern.test(rest)) continue;
    priority = level;
    rest = rest.replace(pattern, ' ');
    break;
  }
  const date = findDate({ text: rest, now, timeZone });
  if (date) {
    const before = rest.slice(0, date.index).replace(dateLead, '');
    rest = `${before} ${rest.slice(date.index + date.text.length)}`;
  }
  const title = sentenceCase(tidy(rest.replace(/^\s*(?:to|that|about)\s+/i, '')));
  return {
    title: title || sentenceCase(tidy(phrase)),
    ...(date ? { due_date: date.due } : {}),
    ...(priority ? { priority } : {}),
    ...(tags.length ? { tags: [...new Set(tags)] } : {}),
  };
}
