import { createHash } from 'node:crypto';
// English only: the package's main entry loads all 70 locales (16 MB of heap kept) to build one.
import { faker } from '@faker-js/faker/locale/en';
import type { Finding } from './finding.js';

/** A 32-bit seed from a string, so that one value always gets the same fake. */
export function seedOf(value: string): number {
  return createHash('sha256').update(value).digest().readUInt32BE(0);
}

/**
 * A made-up value of the same kind, the same for the same input (faker seeded by the kind and
 * value; `attempt` picks another). Addresses and links use the reserved example and documentation ranges (RFC 2606,
 * 5737, 3849) so a fake never points at someone real.
 */
export function fakeValue(finding: Pick<Finding, 'type' | 'value' | 'detail'>, attempt = 0): string {
  faker.seed(seedOf(`${attempt}\u0000${finding.type}\u0000${finding.value}`));
  switch (finding.type) {
    case 'email':
      return faker.internet.exampleEmail().toLowerCase();
    case 'phone':
      return sameShape(finding.value, attempt);
    case 'credit_card':
      return faker.finance.creditCardNumber({ issuer: 'visa' });
    case 'iban':
      return faker.finance.iban({
        formatted: finding.value.includes(' '),
        countryCode: finding.detail ?? 'DE',
      });
    case 'ip_address':
      return finding.detail === 'IPv6'
        ? `2001:db8::${faker.string.hexadecimal({ length: 4, prefix: '' }).toLowerCase()}`
        : `192.0.2.${faker.number.int({ min: 1, max: 254 })}`;
    case 'url':
      return `https://example.com/${faker.lorem.slug(2)}`;
    case 'date':
      return faker.date.between({ from: '1950-01-01', to: '2030-12-31' }).toISOString().slice(0, 10);
    case 'person':
      return faker.person.fullName();
    case 'place':
      return faker.location.city();
    case 'organization':
      return faker.company.name();
    case 'id_number':
    case 'custom':
      return sameShape(finding.value, attempt);
  }
}

/**
 * The value with each digit and letter replaced by a random one of the same sort and case, and
 * everything else kept: "+44 20 7946 0958" → "+71 38 0425 6617". Seeded by the value.
 */
export function sameShape(value: string, attempt = 0): string {
  faker.seed(seedOf(`shape\u0000${attempt}\u0000${value}`));
  let result = '';
  for (const character of value) {
    if (/\d/.test(character)) result += faker.string.numeric({ length: 1, allowLeadingZeros: true });
    else if (/\p{Lu}/u.test(character)) result += faker.string.alpha({ length: 1, casing: 'upper' });
    else if (/\p{Ll}/u.test(character)) result += faker.string.alpha({ length: 1, casing: 'lower' });
    else result += character;
  }
  return result === value ? sameShape(value, attempt + 1) : result;
}
