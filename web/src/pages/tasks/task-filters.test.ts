import { describe, expect, it } from 'vitest';
import { addDays, describeDue, dueInputs, dueValue } from './due-date';
import { listQuery, readFilters, writeFilters } from './task-filters';

describe('task filters in the URL', () => {
  it('reads the defaults from a plain URL and leaves them out when written back', () => {
    const filters = readFilters(new URLSearchParams(''));
    expect(filters).toEqual({ status: 'pending', due: 'any', tag: '', q: '', sort: 'due' });
    expect(writeFilters(filters).toString()).toBe('');
  });

  it('keeps known values, drops unknown ones, and round-trips', () => {
    const filters = readFilters(new URLSearchParams('status=all&due=soonish&tag=home&q=milk&sort=created'));
    expect(filters).toEqual({ status: 'all', due: 'any', tag: 'home', q: 'milk', sort: 'created' });
    expect(writeFilters(filters).toString()).toBe('status=all&tag=home&q=milk&sort=created');
    expect(readFilters(new URLSearchParams('sort=random')).sort).toBe('due');
  });

  it('asks the API for whole local days: overdue, today, the next 7 days', () => {
    const now = new Date(2026, 11, 4, 15, 30);
    const base = { status: 'pending', tag: '', q: '', sort: 'due' } as const;
    expect(listQuery({ ...base, due: 'overdue' }, now)).toMatchObject({ due_before: '2026-12-04' });
    expect(listQuery({ ...base, due: 'today' }, now)).toMatchObject({
      due_after: '2026-12-04',
      due_before: '2026-12-05',
    });
    expect(listQuery({ ...base, due: 'week' }, now)).toMatchObject({ due_before: '2026-12-11' });
    expect(listQuery({ ...base, due: 'any' }, now)).toMatchObject({ sort: 'due' });
  });
});

describe('due dates', () => {
  const now = new Date(2026, 11, 4, 15, 30);

  it('shows a whole day by name and calls it overdue only once the day is over', () => {
    expect(describeDue('2026-12-04T00:00:00.000Z', now)).toEqual({ label: 'Today', overdue: false });
    expect(describeDue('2026-12-05T00:00:00.000Z', now)).toEqual({ label: 'Tomorrow', overdue: false });
    expect(describeDue('2026-12-03T00:00:00.000Z', now)).toEqual({ label: 'Yesterday', overdue: true });
  });

  it('calls a task with a time overdue once the moment has passed', () => {
    expect(describeDue(new Date(2026, 11, 4, 9, 0).toISOString(), now).overdue).toBe(true);
    expect(describeDue(new Date(2026, 11, 4, 18, 0).toISOString(), now).overdue).toBe(false);
  });

  it('turns date and time inputs into what the API takes, and back', () => {
    expect(dueValue('', '10:00')).toBeNull();
    expect(dueValue('2026-12-24', '')).toBe('2026-12-24');
    const withTime = dueValue('2026-12-24', '17:45');
    expect(dueInputs(withTime)).toEqual({ date: '2026-12-24', time: '17:45' });
    expect(dueInputs('2026-12-24T00:00:00.000Z')).toEqual({ date: '2026-12-24', time: '' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
