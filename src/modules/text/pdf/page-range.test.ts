import { describe, expect, it } from 'vitest';
import { pageRangePattern, pagesInRange } from './page-range.js';

describe('pagesInRange', () => {
  it('reads single pages, ranges and open ranges, sorted without repeats', () => {
    expect(pagesInRange('3, 1-2, 2, 5-', 6)).toEqual([1, 2, 3, 5, 6]);
    expect(pagesInRange(undefined, 3)).toEqual([1, 2, 3]);
  });

  it('refuses pages outside the document, naming the field', () => {
    expect(() => pagesInRange('2-9', 4)).toThrow(expect.objectContaining({ field: 'page_range' }));
    expect(() => pagesInRange('0', 4)).toThrow(expect.objectContaining({ field: 'page_range' }));
    expect(pageRangePattern.test('1-2,x')).toBe(false);
  });
});
