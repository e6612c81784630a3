import { addDays, dateIn, dueDay, nextWeekStart } from '../dates.js';
import type { PlanContext } from '../plan-context.js';
import type { TaskView } from '../reply/format.js';

/** A stretch of days a question or a bulk change names: "today", "this week", "overdue". */
export type Window = 'today' | 'tomorrow' | 'this week' | 'next week' | 'overdue' | 'coming up';

/** The window a phrase names ("today’s", "due this week", "overdue"), if any. */
export function windowIn(phrase: string): Window | undefined {
  const text = phrase.toLowerCase().replace(/['’]s\b/g, '');
  if (/\boverdue\b|\blate\b/.test(text)) return 'overdue';
  if (/\btoday\b/.test(text)) return 'today';
  if (/\btomorrow\b/.test(text)) return 'tomorrow';
  if (/\bthis week\b/.test(text)) return 'this week';
  if (/\bnext week\b/.test(text)) return 'next week';
  if (/\bcoming up\b|\bupcoming\b|\bsoon\b/.test(text)) return 'coming up';
  return undefined;
}

/** The first and after-last day of a window, in the user's calendar (undefined: open-ended). */
function bounds(window: Window, context: PlanContext): { from?: string; until?: string } {
  const today = dateIn(context.now, context.timeZone);
  switch (window) {
    case 'today':
      return { from: today, until: addDays(today, 1) };
    case 'tomorrow':
      return { from: addDays(today, 1), until: addDays(today, 2) };
    case 'this week': {
      // On the week's last day "this week" means the one ahead: people ask on Sunday about Monday.
      const end = nextWeekStart(today, context.weekStart);
      return { from: today, until: end === addDays(today, 1) ? nextWeekStart(end, context.weekStart) : end };
    }
    case 'next week': {
      const start = nextWeekStart(today, context.weekStart);
      return { from: start, until: addDays(start, 7) };
    }
    case 'overdue':
      return { until: today };
    case 'coming up':
      return { from: today };
  }
}

/**
 * The list_tasks bound that fetches every task a window may hold: a day beyond its end on each side,
 * since dates without a time are stored at midnight UTC and the user's day is in their zone.
 */
export function fetchBound(window: Window, context: PlanContext): { due_before?: string } {
  const { until } = bounds(window, context);
  return until ? { due_before: addDays(until, 2) } : {};
}

const byDue = (a: TaskView, b: TaskView) =>
  (a.due_date ? new Date(a.due_date).getTime() : Infinity) -
    (b.due_date ? new Date(b.due_date).getTime() : Infinity) || a.title.localeCompare(b.title);

/** The tasks in a window, soonest first (overdue ones are not in "today" or "this week": said apart). */
export function inWindow(tasks: readonly TaskView[], window: Window, context: PlanContext): TaskView[] {
  const { from, until } = bounds(window, context);
  return tasks
    .filter((task) => {
      if (!task.due_date) return false;
      const day = dueDay(task.due_date, context.timeZone);
      return (from === undefined || day >= from) && (until === undefined || day < until);
    })
    .sort(byDue);
}

/** The sections a question about a window answers with: the window, then what is overdue. */
export function windowSections(
  tasks: readonly TaskView[],
  window: Window,
  context: PlanContext,
): { heading: string; tasks: TaskView[] }[] {
  const headings: Record<Window, string> = {
    today: 'Due today',
    tomorrow: 'Due tomorrow',
    'this week': 'Due this week',
    'next week': 'Due next week',
    overdue: 'Overdue',
    'coming up': 'Coming up',
  };
  const sections = [{ heading: headings[window], tasks: inWindow(tasks, window, context) }];
  if (window === 'today' || window === 'this week')
    sections.push({ heading: 'Overdue', tasks: inWindow(tasks, 'overdue', context) });
  return sections.filter((section) => section.tasks.length > 0);
}
