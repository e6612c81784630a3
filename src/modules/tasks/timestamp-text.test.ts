import { describe, expect, it } from 'vitest';
import { isoFromPostgres } from './timestamp-text.js';

describe('isoFromPostgres', () => {
  it('gives what a Date made from the same text would, for every precision and time zone', () => {
    for (const text of [
      '2026-12-07 07:52:04+00',
      '2026-12-07 07:52:04.5+00',
      '2026-12-07 07:52:04.12+00',
      '2026-12-07 07:52:04.123+00',
      '2026-12-07 07:52:04.123999+00',
      '0999-01-01 00:00:00.000001+00',
      '2026-12-07 09:52:04.1239+02',
      '2026-12-07 02:22:04.5-05:30',
    ])
      expect(isoFromPostgres(text), text).toBe(new Date(text).toISOString());
  });
});
