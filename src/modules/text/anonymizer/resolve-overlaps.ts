import type { Finding } from './finding.js';

/**
 * One reading per stretch of text: where findings overlap, the surer one wins, then the longer
 * (a card number beats the "phone number" inside it, an email beats the name in its local part).
 * Returns the winners in text order.
 */
export function resolveOverlaps(findings: readonly Finding[], textLength: number): Finding[] {
  const taken = new Uint8Array(textLength);
  const winners: Finding[] = [];
  const ranked = [...findings].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const finding of ranked) {
    if (taken.subarray(finding.start, finding.end).includes(1)) continue;
    taken.fill(1, finding.start, finding.end);
    winners.push(finding);
  }
  return winners.sort((a, b) => a.start - b.start);
}
