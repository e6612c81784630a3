import { type AnyColumn, sql } from 'drizzle-orm';

/**
 * A timestamptz column selected as Postgres writes it (`2026-12-07 07:52:04.123456+00`), for rows
 * that only go out as ISO text: drizzle would make a `Date` of each (V8's slow legacy parse) for
 * `toISOString` to undo at once — 150 of them in a page of 50 tasks.
 */
export const timestampText = <Text extends string | null = string>(column: AnyColumn) => sql<Text>`${column}`;

/** `YYYY-MM-DD HH:MM:SS[.f…]+00`: what Postgres writes for a timestamptz in UTC with ISO DateStyle. */
const utcText = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * The ISO 8601 text `Date#toISOString` gives for a timestamp Postgres wrote: milliseconds cut, not
 * rounded, as a `Date` would have them. Text in another time zone or style goes through a `Date`.
 */
export function isoFromPostgres(text: string): string {
  const match = utcText.exec(text);
  if (!match) return new Date(text).toISOString();
  const [, date, time, fraction = ''] = match;
  return `${date}T${time}.${fraction.slice(0, 3).padEnd(3, '0')}Z`;
}
