import { InvalidInputError } from '../../../errors.js';

/** "1-3, 5, 8-" : pages and ranges, an open range running to the last page. */
export const pageRangePattern = /^\s*\d+\s*(?:-\s*\d*\s*)?(?:,\s*\d+\s*(?:-\s*\d*\s*)?)*$/;

/**
 * The page numbers a range names, in ascending order without repeats, checked against the
 * document's page count; every page when no range is given.
 */
export function pagesInRange(range: string | undefined, pageCount: number): number[] {
  if (range === undefined || range.trim() === '')
    return Array.from({ length: pageCount }, (_, index) => index + 1);
  const pages = new Set<number>();
  for (const part of range.split(',')) {
    const [from = '', to] = part.split('-').map((value) => value.trim());
    const first = Number(from);
    const last = to === undefined ? first : to === '' ? pageCount : Number(to);
    if (first < 1 || last < first || last > pageCount)
      throw new InvalidInputError(
        `Page range "${part.trim()}" is outside the document's pages 1–${pageCount}`,
        { field: 'page_range' },
      );
    for (let page = first; page <= last; page++) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}
