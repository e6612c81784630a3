/** One run of digits inside a longer number written in groups. */
export interface DigitGroup {
  readonly digits: string;
  readonly start: number;
  readonly end: number;
}

/** The digit groups of `raw` (found at `offset` in the text), e.g. "4111 1111" → two groups. */
export function digitGroups(raw: string, offset: number): DigitGroup[] {
  return [...raw.matchAll(/\d+/g)].map((match) => ({
    digits: match[0],
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

/**
 * Consecutive groups joined, with between `min` and `max` digits in all, longest first then
 * leftmost: a card number followed by a year ("4111 1111 1111 1111 2024") is still found.
 */
export function groupRuns(groups: readonly DigitGroup[], min: number, max: number): DigitGroup[] {
  const runs: DigitGroup[] = [];
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      const group = groups[last] as DigitGroup;
      digits += group.digits;
      if (digits.length > max) break;
      if (digits.length >= min)
        runs.push({ digits, start: (groups[first] as DigitGroup).start, end: group.end });
    }
  }
  return runs.sort((a, b) => b.digits.length - a.digits.length || a.start - b.start);
}
