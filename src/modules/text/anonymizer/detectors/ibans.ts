import { countrySpecs, isValidIBAN } from 'ibantools';
import { findingAt, type Finding } from '../finding.js';

/**
 * IBANs, written compactly or in groups of four, whose length fits their country and whose
 * ISO 13616 check digits (mod 97) are right, by ibantools. The candidate is cut at the country's
 * length, so words after the number ("… 0130 00 BIC COBADEFF") do not spoil it.
 */
export function findIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const candidate of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,32}/g)) {
    const country = candidate[0].slice(0, 2);
    const length = countrySpecs[country]?.chars;
    if (!length) continue;
    let compact = '';
    let end = candidate.index;
    for (const character of candidate[0]) {
      end += character.length;
      if (character === ' ') continue;
      compact += character;
      if (compact.length === length) break;
    }
    if (compact.length !== length || /[A-Z0-9]/.test(text.charAt(end))) continue;
    if (isValidIBAN(compact))
      findings.push(
        findingAt(text, { type: 'iban', start: candidate.index, end, confidence: 0.98, detail: country }),
      );
  }
  return findings;
}
