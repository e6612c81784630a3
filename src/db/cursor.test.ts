import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const isPosition = (value: unknown): value is { before: string } =>
  typeof value === 'object' && value !== null && typeof (value as { before?: unknown }).before === 'string';

describe('cursors', () => {
  it('give back the position they were made from', () => {
    expect(decodeCursor(encodeCursor({ before: 'abc' }), isPosition)).toEqual({ before: 'abc' });
  });

  it.each(['not base64 at all!', encodeCursor({ after: 1 }), encodeCursor('x')])(
    'reject %j as INVALID_INPUT on cursor',
    (cursor) => {
      expect(() => decodeCursor(cursor, isPosition)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'cursor' }),
      );
      expect(() => decodeCursor(cursor, isPosition)).toThrow(InvalidInputError);
    },
  );
});
