import type { CountryCode } from 'libphonenumber-js/max';
import type { ToolContext } from '../../../tools/tool.js';
import { type CustomPattern, findCustomMatches } from './detectors/custom-patterns.js';
import { findDates } from './detectors/dates.js';
import { findEmailsAndUrls } from './detectors/emails-and-urls.js';
import { findIbans } from './detectors/ibans.js';
import { findIdNumbers } from './detectors/id-numbers.js';
import { findIpAddresses } from './detectors/ip-addresses.js';
import { findNamedEntities } from './detectors/named-entities.js';
import { findPaymentCards } from './detectors/payment-cards.js';
import { findPhones } from './detectors/phones.js';
import type { Finding } from './finding.js';
import { splitIntoChunks } from '../sentences/text-chunks.js';
import { adoptListedNames } from './listed-names.js';
import { propagateNames } from './propagate-names.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import type { SensitiveKind } from './sensitive-kinds.js';

export interface DetectSensitiveOptions {
  /** The kinds to report. */
  readonly kinds: ReadonlySet<SensitiveKind>;
  readonly confidenceThreshold: number;
  readonly phoneRegions?: readonly CountryCode[] | undefined;
  readonly customPatterns?: { patterns: readonly CustomPattern[]; regexes: RegExp[] } | undefined;
  readonly context?: Pick<ToolContext, 'signal' | 'progress'> | undefined;
}

/** What each result's `method` says about how items were found. */
export const detectionMethod = 'offline:validators+compromise';

/**
 * Every sensitive item in a text at or above the threshold, in text order, without overlaps.
 * All pattern-and-checksum detectors run whatever kinds are asked for, so that a kind left out
 * cannot let a date or a card number pass as a phone number; the tagger runs only for names.
 */
/**
 * Phone numbers chunk by chunk: libphonenumber's matcher is the slowest detector (about 2 s per
 * 100 KB for eleven regions), so it reports progress and stops when cancelled.
 */
async function findPhonesByChunk(text: string, options: DetectSensitiveOptions): Promise<Finding[]> {
  const chunks = splitIntoChunks(text, 20_000);
  const findings: Finding[] = [];
  for (const [index, chunk] of chunks.entries()) {
    options.context?.signal.throwIfAborted();
    for (const finding of findPhones(chunk.text, options.phoneRegions))
      findings.push({ ...finding, start: finding.start + chunk.start, end: finding.end + chunk.start });
    if (chunks.length > 1) await options.context?.progress(index + 1, chunks.length, 'Finding phone numbers');
  }
  return findings;
}

export async function detectSensitive(text: string, options: DetectSensitiveOptions): Promise<Finding[]> {
  const { kinds, context } = options;
  const findings: Finding[] = [
    ...findEmailsAndUrls(text),
    ...(await findPhonesByChunk(text, options)),
    ...findPaymentCards(text),
    ...findIbans(text),
    ...findIpAddresses(text),
    ...findDates(text),
    ...findIdNumbers(text),
  ];
  if (options.customPatterns)
    findings.push(
      ...findCustomMatches(text, options.customPatterns.patterns, options.customPatterns.regexes),
    );
  const entityKinds = new Set(
    (['person', 'place', 'organization'] as const).filter((kind) => kinds.has(kind)),
  );
  if (entityKinds.size > 0) {
    const entities = await findNamedEntities(text, entityKinds, async (done, total) => {
      context?.signal.throwIfAborted();
      await context?.progress(done, total, 'Finding names');
    });
    const listed = adoptListedNames(text, [...findings, ...entities.findings], entities.properNouns);
    findings.push(
      ...entities.findings,
      ...listed,
      ...propagateNames(text, [...entities.findings, ...listed]),
    );
  }
  return resolveOverlaps(findings, text.length).filter(
    (finding) => kinds.has(finding.type) && finding.confidence >= options.confidenceThreshold,
  );
}
