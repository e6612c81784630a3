import { describe, expect, it } from 'vitest';
import { matchesEventFilter, typeMatcher } from './tail-filter';

describe('the live tail filter', () => {
  it('matches type patterns with * as any run of characters, dots taken literally', () => {
    expect(typeMatcher('task.*')('task.created')).toBe(true);
    expect(typeMatcher('*.created')('memory.created')).toBe(true);
    expect(typeMatcher('task.created')('taskXcreated')).toBe(false);
    expect(typeMatcher('')('anything')).toBe(true);
  });

  it('keeps events by payload text (any case) and by how recent they are', () => {
    const event = { type: 'custom.order.paid', at: '2026-01-01T10:00:00Z', data: { customer: 'Dana' } };
    const now = Date.parse('2026-01-01T10:03:00Z');
    expect(matchesEventFilter(event, { type: 'custom.*', text: 'dana', withinMinutes: 5 }, now)).toBe(true);
    expect(matchesEventFilter(event, { type: '', text: 'eve', withinMinutes: 0 }, now)).toBe(false);
    expect(matchesEventFilter(event, { type: '', text: '', withinMinutes: 1 }, now)).toBe(false);
  });
});
