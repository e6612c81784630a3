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
import { findPhonesInChunks } from './detectors/phones.js';
import type { Finding } from './finding.js';
import { adoptListedNames } from './listed-names.js';
import { phaseProgress } from './phase-progress.js';
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
 * Progress: phone numbers (the slowest pattern detector) then names, as one percentage.
 */
export async function detectSensitive(text: string, options: DetectSensitiveOptions): Promise<Finding[]> {
  const { kinds, context } = options;
  const entityKinds = new Set(
    (['person', 'place', 'organization'] as const).filter((kind) => kinds.has(kind)),
  );
  const sent = { percent: 0 };
  const phonesUntil = entityKinds.size > 0 ? 40 : 100;
  const findings: Finding[] = [
    ...findEmailsAndUrls(text),
    ...(await findPhonesInChunks(
      text,
      options.phoneRegions,
      phaseProgress(context, { from: 0, to: phonesUntil, message: 'Finding phone numbers' }, sent),
    )),
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
  if (entityKinds.size > 0) {
    const entities = await findNamedEntities(
      text,
      entityKinds,
      phaseProgress(context, { from: phonesUntil, to: 100, message: 'Finding names' }, sent),
    );
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
