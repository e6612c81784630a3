import * as chrono from 'chrono-node';
// English only: the package's main entry loads all 70 locales (16 MB of heap kept) to build one.
import { faker } from '@faker-js/faker/locale/en';
import { fakeValue, seedOf } from './fake-values.js';
import type { Finding } from './finding.js';

const titles = /^(?:(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame|rev)\.?\s+)+/i;

/**
 * Context-aware pseudonyms for one text: each part of a person's name gets one fake part, used
 * wherever it appears, so "John Smith", "Mr. Smith" and "John" become "Peter Miller", "Mr. Miller"
 * and "Peter"; an email address made of a person's name parts becomes one made of the pseudonym's;
 * with `shiftDays`, every date moves by the same number of days, keeping the intervals between them.
 */
export function createPseudonyms(findings: readonly Finding[], options: { shiftDays?: number | undefined }) {
  const firstNames = new Map<string, string>();
  const lastNames = new Map<string, string>();
  const fakePart = (part: string, role: 'first' | 'last') => {
    const names = role === 'first' ? firstNames : lastNames;
    let fake = names.get(part);
    if (!fake) {
      faker.seed(seedOf(`${role}\u0000${part}`));
      fake = role === 'first' ? faker.person.firstName() : faker.person.lastName();
      names.set(part, fake);
    }
    return fake;
  };
  // Full names first, so a lone "Smith" later is known to be a last name.
  const people = findings.filter((finding) => finding.type === 'person');
  for (const person of people) {
    const parts = person.value.replace(titles, '').split(/\s+/);
    if (parts.length < 2) continue;
    parts.forEach((part, index) => fakePart(part, index === parts.length - 1 ? 'last' : 'first'));
  }

  const personPseudonym = (value: string) => {
    const title = titles.exec(value)?.[0] ?? '';
    const parts = value.slice(title.length).split(/(\s+)/);
    const words = parts.filter((_, index) => index % 2 === 0);
    return (
      title +
      parts
        .map((part, index) => {
          if (index % 2 === 1) return part;
          if (words.length === 1)
            return firstNames.has(part) ? fakePart(part, 'first') : fakePart(part, 'last');
          return fakePart(part, index === parts.length - 1 ? 'last' : 'first');
        })
        .join('')
    );
  };

  const emailPseudonym = (value: string) => {
    const [local = '', domain = ''] = value.split('@');
    const pieces = local.split(/([._-])/);
    const known = (piece: string) => {
      const name = piece.charAt(0).toUpperCase() + piece.slice(1);
      return firstNames.get(name) ?? lastNames.get(name);
    };
    const words = pieces.filter((_, index) => index % 2 === 0);
    if (!domain || words.some((word) => !known(word))) return undefined;
    const fakeLocal = pieces
      .map((piece, index) => (index % 2 === 1 ? piece : known(piece)?.toLowerCase()))
      .join('');
    return `${fakeLocal}@example.com`;
  };

  const shiftedDate = (value: string) => {
    if (options.shiftDays === undefined) return undefined;
    const date = chrono.strict.parseDate(value);
    if (!date) return undefined;
    const shifted = new Date(date.getTime() + options.shiftDays * 86_400_000);
    return shifted.toISOString().slice(0, 10);
  };

  /**
   * The pseudonym for a finding; equal values get equal pseudonyms. A later attempt (the first
   * brought back a sensitive value of the text) gives up consistency for a plain fake.
   */
  return (finding: Finding, attempt: number): string => {
    if (attempt > 0) return fakeValue(finding, attempt);
    if (finding.type === 'person') return personPseudonym(finding.value);
    if (finding.type === 'email') return emailPseudonym(finding.value) ?? fakeValue(finding);
    if (finding.type === 'date') return shiftedDate(finding.value) ?? fakeValue(finding);
    return fakeValue(finding);
  };
}
