import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { cursorPosition, pageFrom } from './cursor.js';

const rows = ['a', 'b', 'c'].map((id) => ({ id }));

describe('cursors', () => {
  it('give a page and, when more follow, the position of its last item', () => {
    const page = pageFrom(rows, 2, (row) => row.id);
    expect(page.items).toEqual(['a', 'b']);
    expect(cursorPosition(page.nextCursor ?? '')).toBe('b');
  });

  it('have no next cursor on the last page', () => {
    expect(pageFrom(rows, 3, (row) => row.id)).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
  });

  it.each([
    'not base64 at all!',
    Buffer.from('{"after":1}').toString('base64url'),
    Buffer.from('"x"').toString('base64url'),
  ])('reject %j as INVALID_INPUT on cursor', (cursor) => {
    expect(() => cursorPosition(cursor)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'cursor' }),
    );
    expect(() => cursorPosition(cursor)).toThrow(InvalidInputError);
  });
});
