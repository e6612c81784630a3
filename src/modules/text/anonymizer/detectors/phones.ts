import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { splitIntoChunks } from '../../sentences/text-chunks.js';
import { findingAt, type Finding } from '../finding.js';

/** Regions whose national formats are tried when the caller names none. */
export const defaultPhoneRegions: CountryCode[] = [
  'US',
  'GB',
  'FR',
  'DE',
  'ES',
  'IT',
  'NL',
  'IN',
  'AU',
  'BR',
  'JP',
];

/**
 * Phone numbers that libphonenumber (full metadata) finds valid. Numbers with a `+` or `00` prefix
 * are found whatever the region; national numbers (`020 7946 0958`) only for the regions given,
 * the first region's reading winning. Confidence: international 0.95, national in the first
 * region 0.85, in a later one 0.75 (several countries' plans accept many digit strings).
 */
export function findPhones(text: string, regions: readonly CountryCode[] = defaultPhoneRegions): Finding[] {
  // libphonenumber reads ", 650" after a number as an auto-dial extension and swallows the next
  // number of a list; a same-length line break ends the number instead and keeps the offsets.
  const searchable = text.replace(/[,;]/g, '\n');
  const findings: Finding[] = [];
  const taken: [number, number][] = [];
  regions.forEach((region, index) => {
    for (const match of findPhoneNumbersInText(searchable, { defaultCountry: region })) {
      const { startsAt, endsAt } = match;
      if (taken.some(([start, end]) => startsAt < end && start < endsAt)) continue;
      taken.push([startsAt, endsAt]);
      const raw = text.slice(startsAt, endsAt);
      const international = /^\s*(?:\+|00)/.test(raw);
      findings.push(
        findingAt(text, {
          type: 'phone',
          start: startsAt,
          end: endsAt,
          confidence: international ? 0.95 : index === 0 ? 0.85 : 0.75,
          detail: match.number.country ?? `+${match.number.countryCallingCode}`,
        }),
      );
    }
  });
  return findings;
}

/**
 * findPhones over chunks of about 20 KB: libphonenumber's matcher is the slowest detector (about
 * 2 s per 100 KB for eleven regions), so it reports after each chunk (and may be stopped there).
 */
export async function findPhonesInChunks(
  text: string,
  regions: readonly CountryCode[] | undefined,
  onChunk: (done: number, total: number) => Promise<void>,
): Promise<Finding[]> {
  const chunks = splitIntoChunks(text, 20_000);
  const findings: Finding[] = [];
  for (const [index, chunk] of chunks.entries()) {
    // No run of six digits (separators allowed), no phone number: prose chunks skip the matcher.
    if (/\d(?:[\s()./-]{0,3}\d){5}/.test(chunk.text))
      for (const finding of findPhones(chunk.text, regions))
        findings.push({ ...finding, start: finding.start + chunk.start, end: finding.end + chunk.start });
    await onChunk(index + 1, chunks.length);
  }
  return findings;
}
