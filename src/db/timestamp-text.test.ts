import { describe, expect, it } from 'vitest';
import { isoFromPostgres } from './timestamp-text.js';

describe('isoFromPostgres', () => {
  it('writes UTC text as ISO, milliseconds cut as a Date cuts them, at every precision', () => {
    for (const text of [
      '2026-12-07 07:52:04+00',
      '2026-12-07 07:52:04.5+00',
      '2026-12-07 07:52:04.12+00',
      '2026-12-07 07:52:04.123+00',
      '2026-12-07 07:52:04.123999+00',
      '0999-01-01 00:00:00.000001+00',
    ])
      expect(isoFromPostgres(text), text).toBe(new Date(text).toISOString());
  });

  it('turns text in another time zone into UTC', () => {
    expect(isoFromPostgres('2026-12-07 09:52:04.1239+02')).toBe('2026-12-07T07:52:04.123Z');
    expect(isoFromPostgres('2026-12-07 02:22:04.5-05:30')).toBe('2026-12-07T07:52:04.500Z');
    expect(isoFromPostgres('2026-03-29 03:30:00+02')).toBe('2026-03-29T01:30:00.000Z');
  });
});
