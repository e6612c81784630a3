import validator from 'validator';
import { findingAt, type Finding } from '../finding.js';
import { digitGroups, groupRuns } from './digit-groups.js';

/**
 * Payment card numbers: 13 to 19 digits, alone or in groups split by single spaces or dashes,
 * that validator.js accepts as a card (a known issuer's prefix and length, and the Luhn check
 * digit). A number that fails Luhn is not a card, however much it looks like one.
 */
export function findPaymentCards(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const candidate of text.matchAll(/(?<![\d-])\d+(?:[ -]\d+)*(?![\d-])/g)) {
    const groups = digitGroups(candidate[0], candidate.index);
    for (const run of groupRuns(groups, 13, 19)) {
      if (!validator.isCreditCard(run.digits)) continue;
      findings.push(
        findingAt(text, { type: 'credit_card', start: run.start, end: run.end, confidence: 0.95 }),
      );
      break;
    }
  }
  return findings;
}
