import { beforeAll, describe, expect, it } from 'vitest';
import { dueDay, findDate, nextWeekStart, shiftDue, zonedDateTime } from './dates.js';
import { loadLibraries } from './libraries.js';

/** Sunday 6 December 2026, 10:00 in Paris. */
const now = new Date('2026-12-06T09:00:00Z');
const paris = { now, timeZone: 'Europe/Paris' };
const due = (text: string, options: Partial<Parameters<typeof findDate>[0]> = {}) =>
  findDate({ text, ...paris, ...options })?.due;

describe('dates as people mean them (chrono-node, and our rules on top)', () => {
  beforeAll(() => loadLibraries());

  it('reads “at 5” as 17:00, the same afternoon', () => {
    expect(due('pick up the kids at 5')).toBe('2026-12-06T17:00:00+01:00');
  });

  it('keeps “at 5am”, a morning context, and hours from 7 on in the morning', () => {
    expect(due('run at 5am')).toBe('2026-12-07T05:00:00+01:00');
    expect(due('call the vet tomorrow morning at 5')).toBe('2026-12-07T05:00:00+01:00');
    expect(due('call the vet tomorrow at 8')).toBe('2026-12-07T08:00:00+01:00');
  });

  it('reads “tomorrow at 5” as tomorrow 17:00', () => {
    expect(due('call Ana tomorrow at 5')).toBe('2026-12-07T17:00:00+01:00');
  });

  it('reads “tonight” as 20:00 and “end of day” as 17:00 today', () => {
    expect(due('take out the bins tonight')).toBe('2026-12-06T20:00:00+01:00');
    expect(due('send the slides by end of day')).toBe('2026-12-06T17:00:00+01:00');
    expect(due('send the slides eod')).toBe('2026-12-06T17:00:00+01:00');
  });

  it('reads “in 2 hours” from now', () => {
    expect(due('check the oven in 2 hours')).toBe('2026-12-06T12:00:00+01:00');
  });

  it('reads “the 15th” as the next 15th, this month or the next', () => {
    expect(due('pay the gas bill on the 15th')).toBe('2026-12-15');
    expect(due('pay the gas bill on the 3rd')).toBe('2027-01-03');
  });

  it('reads “next week” alone as the first day of next week, Monday or Sunday', () => {
    expect(due('plan the party next week')).toBe('2026-12-07');
    expect(
      due('plan the party next week', { now: new Date('2026-12-09T09:00:00Z'), weekStart: 'sunday' }),
    ).toBe('2026-12-13');
  });

  it('reads dates in the user’s time zone: late Sunday evening in New York is still Sunday', () => {
    const late = { now: new Date('2026-12-07T01:30:00Z'), timeZone: 'America/New_York' };
    expect(due('water the plants today', late)).toBe('2026-12-06');
    expect(due('call Ana tomorrow at 5', late)).toBe('2026-12-07T17:00:00-05:00');
  });

  it('finds the first day of the next week, for weeks starting on Monday or Sunday', () => {
    expect(nextWeekStart('2026-12-06', 'monday')).toBe('2026-12-07');
    expect(nextWeekStart('2026-12-06', 'sunday')).toBe('2026-12-13');
    expect(nextWeekStart('2026-12-09', 'sunday')).toBe('2026-12-13');
  });

  it('postpones by days and keeps the time of day, across a change of offset', () => {
    expect(shiftDue('2026-12-08T13:30:00.000Z', 7, 'Europe/Paris')).toBe('2026-12-15T14:30:00+01:00');
    expect(shiftDue('2026-12-07T00:00:00.000Z', 7, 'Europe/Paris')).toBe('2026-12-14');
    expect(shiftDue('2026-03-27T13:30:00.000Z', 7, 'Europe/Paris')).toBe('2026-04-03T14:30:00+02:00');
  });

  it('reads the day of a due date: a date without a time is that date in every zone', () => {
    expect(dueDay('2026-12-07T00:00:00.000Z', 'America/New_York')).toBe('2026-12-07');
    expect(dueDay('2026-12-07T03:00:00.000Z', 'America/New_York')).toBe('2026-12-06');
    expect(zonedDateTime('2026-07-01', 9, 0, 'Europe/Paris')).toBe('2026-07-01T09:00:00+02:00');
  });
});
