/**
 * Due dates: a date without a time is stored as that day at 00:00 UTC (the API's reading of
 * "2026-12-24"), so it is shown as that calendar day and is overdue only once the day has passed.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dayWithYearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function isDateOnly(due: string): boolean {
  return due.endsWith('T00:00:00.000Z') || /^\d{4}-\d{2}-\d{2}$/.test(due);
}

function dayLabel(day: string, today: string): string {
  if (day === today) return 'Today';
  if (day === addDays(today, 1)) return 'Tomorrow';
  if (day === addDays(today, -1)) return 'Yesterday';
  const format = day.slice(0, 4) === today.slice(0, 4) ? dayFormat : dayWithYearFormat;
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** How a due date reads in a row ("Today", "Fri, Dec 4, 5:00 PM") and whether it has passed. */
export function describeDue(due: string, now = new Date()): { label: string; overdue: boolean } {
  const today = localDay(now);
  if (isDateOnly(due)) {
    const day = due.slice(0, 10);
    return { label: dayLabel(day, today), overdue: day < today };
  }
  const moment = new Date(due);
  const day = localDay(moment);
  return {
    label: `${dayLabel(day, today)}, ${timeFormat.format(moment)}`,
    overdue: moment.getTime() < now.getTime(),
  };
}

/** A due date split into the values of a date and a time input (time empty for a whole day). */
export function dueInputs(due: string | null): { date: string; time: string } {
  if (!due) return { date: '', time: '' };
  if (isDateOnly(due)) return { date: due.slice(0, 10), time: '' };
  const moment = new Date(due);
  return { date: localDay(moment), time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}` };
}

/** What the API takes from a date and an optional local time: "2026-12-24", an instant, or null. */
export function dueValue(date: string, time: string): string | null {
  if (!date) return null;
  if (!time) return date;
  return new Date(`${date}T${time}`).toISOString();
}
