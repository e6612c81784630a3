import { libraries } from './libraries.js';

/** A date found in a message: the due date to store and where it was written. */
export interface FoundDate {
  /** ISO 8601: a date (2025-11-22) when no time was said, else a date-time with the zone's offset. */
  readonly due: string;
  readonly index: number;
  readonly text: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Minutes east of UTC of a time zone at an instant (120 for Europe/Paris in summer). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return `${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function dateIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A YYYY-MM-DD date moved by some days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The weekday of a YYYY-MM-DD date, 0 for Monday … 6 for Sunday. */
function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The first day of the week after the one that holds `date` (weeks start on Monday or Sunday). */
export function nextWeekStart(date: string, weekStart: 'monday' | 'sunday' = 'monday'): string {
  const dayOfWeek = weekStart === 'monday' ? weekdayOf(date) : (weekdayOf(date) + 1) % 7;
  return addDays(date, 7 - dayOfWeek);
}

/** The date after the last day of the week (Monday to Sunday) that holds `date`. */
export function nextMonday(date: string): string {
  return nextWeekStart(date, 'monday');
}

/** The calendar day a due date falls on for the user: a date without a time is that date anywhere. */
export function dueDay(due: string, timeZone: string): string {
  const at = new Date(due);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(due) || at.toISOString().endsWith('T00:00:00.000Z');
  return dateOnly ? at.toISOString().slice(0, 10) : dateIn(at, timeZone);
}

/** A local date and time in a time zone, as ISO 8601 with the zone's offset at that moment. */
export function zonedDateTime(date: string, hour: number, minute: number, timeZone: string): string {
  const local = `${date}T${pad(hour)}:${pad(minute)}:00`;
  const offset = zoneOffsetMinutes(timeZone, new Date(`${local}Z`));
  const corrected = zoneOffsetMinutes(timeZone, new Date(new Date(`${local}Z`).getTime() - offset * 60_000));
  return `${local}${offsetText(corrected)}`;
}

/** The hour and minute of a due date in a time zone; undefined for a date without a time. */
export function dueTime(due: string, timeZone: string): { hour: number; minute: number } | undefined {
  const at = new Date(due);
  if (/^\d{4}-\d{2}-\d{2}$/.test(due) || at.toISOString().endsWith('T00:00:00.000Z')) return undefined;
  const [hour = 0, minute = 0] = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(at)
    .split(':')
    .map(Number);
  return { hour, minute };
}

/** A due date moved by some days, keeping its time of day in the zone. */
export function shiftDue(due: string, days: number, timeZone: string): string {
  const day = addDays(dueDay(due, timeZone), days);
  const time = dueTime(due, timeZone);
  return time ? zonedDateTime(day, time.hour, time.minute, timeZone) : day;
}

/** Words for times of day that chrono-node reads differently from people. */
const dayParts: [RegExp, number, number][] = [
  [/\b(?:by |at )?(?:the )?end of (?:the )?(?:day|today)\b|\beod\b/i, 17, 0],
  [/\btonight\b/i, 20, 0],
];
const morning = /\b(?:am|a\.m\.|morning)\b/i;

/**
 * The first date or time said in a text ("tomorrow", "on Friday at 5pm", "in 3 days"), read by
 * chrono-node relative to `now` in `timeZone`, preferring the future ("Friday" is the next one),
 * with people's meanings on top: "at 5" is 17:00 unless "am" or "morning" is said; "tonight" is
 * 20:00 and "end of day" 17:00 today; "next week" (alone) is the first day of next week.
 */
export function findDate({
  text,
  now,
  timeZone,
  weekStart = 'monday',
}: {
  text: string;
  now: Date;
  timeZone: string;
  weekStart?: 'monday' | 'sunday';
}): FoundDate | undefined {
  const today = dateIn(now, timeZone);
  for (const [pattern, hour, minute] of dayParts) {
    const found = pattern.exec(text);
    if (found)
      return { due: zonedDateTime(today, hour, minute, timeZone), index: found.index, text: found[0] };
  }
  const dayOfMonth = /\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  if (dayOfMonth) {
    const day = Number(dayOfMonth[1]);
    const [year = 0, month = 1, todayDay = 1] = today.split('-').map(Number);
    // "the 15th" is the next 15th: this month's unless it has passed.
    const [dueYear, dueMonth] =
      day >= todayDay ? [year, month] : month === 12 ? [year + 1, 1] : [year, month + 1];
    if (day >= 1 && day <= 31)
      return { due: `${dueYear}-${pad(dueMonth)}-${pad(day)}`, index: dayOfMonth.index, text: dayOfMonth[0] };
  }
  const nextWeek = /\bnext week\b/i.exec(text);
  if (nextWeek) return { due: nextWeekStart(today, weekStart), index: nextWeek.index, text: nextWeek[0] };
  const offset = zoneOffsetMinutes(timeZone, now);
  const [result] = libraries().chrono.parse(text, { instant: now, timezone: offset }, { forwardDate: true });
  if (!result) return undefined;
  const { start } = result;
  const date = `${start.get('year')}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}`;
  if (!start.isCertain('hour')) return { due: date, index: result.index, text: result.text };
  let hour = start.get('hour') ?? 0;
  const minute = start.get('minute') ?? 0;
  let day = date;
  if (!start.isCertain('meridiem') && hour >= 1 && hour <= 6 && !morning.test(text)) {
    hour = hour < 12 ? hour + 12 : hour;
    // "at 5" at 10:00 is this afternoon, not tomorrow at five (chrono moved it past 05:00).
    if (!start.isCertain('day') && !start.isCertain('weekday')) day = today;
  }
  return { due: zonedDateTime(day, hour, minute, timeZone), index: result.index, text: result.text };
}

/**
 * A due date for people: "Sat 22 Nov", with the time when it has one ("Sat 22 Nov, 17:00") and the
 * year when it is not this year's. Dates stored without a time are midnight UTC, shown as that day.
 */
export function formatDue(due: string, { now, timeZone }: { now: Date; timeZone: string }): string {
  const at = new Date(due);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(due) || at.toISOString().endsWith('T00:00:00.000Z');
  const zone = dateOnly ? 'UTC' : timeZone;
  const sameYear = dateIn(at, zone).slice(0, 4) === dateIn(now, timeZone).slice(0, 4);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
    .format(at)
    .replace(',', '');
  if (dateOnly) return day;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return `${day}, ${time}`;
}
