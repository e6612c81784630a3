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

/** The date after the last day of the week (Monday to Sunday) that holds `date`. */
export function nextMonday(date: string): string {
  return addDays(date, 7 - weekdayOf(date));
}

/**
 * The first date or time said in a text ("tomorrow", "on Friday at 5pm", "in 3 days"), read by
 * chrono-node relative to `now` in `timeZone`, preferring the future ("Friday" is the next one).
 */
export function findDate({
  text,
  now,
  timeZone,
}: {
  text: string;
  now: Date;
  timeZone: string;
}): FoundDate | undefined {
  const offset = zoneOffsetMinutes(timeZone, now);
  const [result] = libraries().chrono.parse(text, { instant: now, timezone: offset }, { forwardDate: true });
  if (!result) return undefined;
  const { start } = result;
  const date = `${start.get('year')}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}`;
  const due = start.isCertain('hour')
    ? `${date}T${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}:00${offsetText(offset)}`
    : date;
  return { due, index: result.index, text: result.text };
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
