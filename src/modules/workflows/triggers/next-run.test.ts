import { describe, expect, it } from 'vitest';
import { nextScheduledRun } from './next-run.js';

const schedule = (cron: string, timeZone = 'UTC') =>
  ({ kind: 'schedule', cron, time_zone: timeZone, input: {} }) as const;

describe("a workflow's next scheduled run", () => {
  const now = new Date('2026-12-07T09:30:00Z'); // a Monday

  it('is the earliest firing of its schedule triggers after now, in their time zones', () => {
    expect(nextScheduledRun({ triggers: [schedule('0 8 * * 1-5')] }, now)?.toISOString()).toBe(
      '2026-12-08T08:00:00.000Z',
    );
    expect(
      nextScheduledRun({ triggers: [schedule('0 8 * * 1-5'), schedule('45 9 * * *')] }, now)?.toISOString(),
    ).toBe('2026-12-07T09:45:00.000Z');
    expect(nextScheduledRun({ triggers: [schedule('0 12 * * *', 'Europe/Paris')] }, now)?.toISOString()).toBe(
      '2026-12-07T11:00:00.000Z',
    );
  });

  it('is none without a schedule, or for one that never fires', () => {
    expect(nextScheduledRun({ triggers: [{ kind: 'manual' }] }, now)).toBeNull();
    expect(nextScheduledRun({ triggers: [schedule('0 0 31 2 *')] }, now)).toBeNull();
  });
});
