import * as chrono from 'chrono-node';
import { findingAt, type Finding } from '../finding.js';

/**
 * Calendar dates ("1985-03-15", "March 3, 2021", "03/04/2021", "15.03.1985", "12th of June 1999")
 * by chrono's strict English parser, which leaves out relative words like "today" or "last week"
 * and bare times. A date without a digit is dropped: strict mode still reads "in the minutes" as one.
 */
export function findDates(text: string): Finding[] {
  return chrono.strict
    .parse(text)
    .filter(
      (result) =>
        /\d/.test(result.text) && (result.start.isCertain('day') || result.start.isCertain('month')),
    )
    .map((result) => {
      // chrono includes a leading preposition ("on 14 February 2023"); the date starts after it.
      const preposition =
        /^(?:on|at|in|by|from|since|until|till|before|after)\s+/i.exec(result.text)?.[0].length ?? 0;
      return findingAt(text, {
        type: 'date',
        start: result.index + preposition,
        end: result.index + result.text.length,
        confidence: 0.8,
      });
    });
}
