import { createHash } from 'node:crypto';
import { fakeValue, sameShape } from './fake-values.js';
import type { Finding } from './finding.js';
import type { ReplacementStrategy } from './options.js';

export interface ReplacementOptions {
  readonly strategy: ReplacementStrategy;
  /** Keep each value's length and layout (see replacementFor). */
  readonly preserveStructure: boolean;
  /** Mixed into hashes so that a short value (a phone number) cannot be found by hashing every candidate. */
  readonly hashSalt?: string | undefined;
  /**
   * A replacement chosen by the caller (smart_anonymize's pseudonyms); `attempt` counts up when
   * a choice would bring back one of the text's own sensitive values.
   */
  readonly chosen?: ((finding: Finding, attempt: number) => string) | undefined;
}

/** One replacement made: where in the original, what kind, and what now stands there. */
export interface Replacement {
  readonly type: Finding['type'];
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
  readonly confidence: number;
}

/**
 * The text with every finding replaced, and the list of replacements. Equal values of one kind get
 * equal replacements (`[PERSON_1]` each time for "John Smith"), so the text still reads.
 */
export function replaceFindings(
  text: string,
  findings: readonly Finding[],
  options: ReplacementOptions,
): { text: string; replacements: Replacement[] } {
  // A made-up value must not happen to be one of the values it hides ("Paris" as a fake city).
  const values = [...new Set(findings.map((finding) => finding.value))].filter((value) => value.length >= 3);
  const cleanReplacement = (finding: Finding, make: (attempt: number) => string) => {
    let replacement = make(0);
    for (let attempt = 1; attempt < 8 && values.some((value) => replacement.includes(value)); attempt++)
      replacement = make(attempt);
    return replacement;
  };
  const numbers = new Map<string, number>();
  const counters = new Map<string, number>();
  const numberOf = (finding: Finding) => {
    const key = `${finding.type}\u0000${finding.value}`;
    let number = numbers.get(key);
    if (number === undefined) {
      number = (counters.get(finding.type) ?? 0) + 1;
      counters.set(finding.type, number);
      numbers.set(key, number);
    }
    return number;
  };
  let result = '';
  let last = 0;
  const replacements: Replacement[] = [];
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < last) continue;
    const replacement = cleanReplacement(finding, (attempt) =>
      options.chosen
        ? options.chosen(finding, attempt)
        : replacementFor(finding, numberOf(finding), options, attempt),
    );
    let before = text.slice(last, finding.start);
    // Removing a word leaves its two spaces; keep one.
    if (replacement === '' && / $/.test(before) && /^[ ,.;:!?)]/.test(text.charAt(finding.end)))
      before = before.slice(0, -1);
    result += before + replacement;
    last = finding.end;
    replacements.push({
      type: finding.type,
      start: finding.start,
      end: finding.end,
      replacement,
      confidence: finding.confidence,
    });
  }
  return { text: result + text.slice(last), replacements };
}

/**
 * What stands in for one value:
 * - placeholder: `[EMAIL_2]`; keeping structure, a mask of the same shape (`Xxxx Xxxxx`, `####-####`);
 * - fake_data: a made-up value of the same kind; keeping structure, digits and letters swapped in place;
 * - hash: `[PHONE#1a2b3c4d5e]`, the start of a salted SHA-256, equal for equal values;
 * - remove: nothing; keeping structure, a black bar (`█`) as long as the value.
 */
export function replacementFor(
  finding: Finding,
  number: number,
  options: ReplacementOptions,
  attempt = 0,
): string {
  const label = finding.type === 'custom' && finding.detail ? finding.detail : finding.type;
  const tag = label.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  switch (options.strategy) {
    case 'placeholder':
      return options.preserveStructure ? mask(finding.value) : `[${tag}_${number}]`;
    case 'fake_data':
      return options.preserveStructure && !['person', 'place', 'organization'].includes(finding.type)
        ? sameShape(finding.value, attempt)
        : fakeValue(finding, attempt);
    case 'hash': {
      const digest = createHash('sha256')
        .update(`${options.hashSalt ?? ''}\u0000${finding.type}\u0000${finding.value}`)
        .digest('hex');
      return `[${tag}#${digest.slice(0, 10)}]`;
    }
    case 'remove':
      return options.preserveStructure ? '█'.repeat([...finding.value].length) : '';
  }
}

/** Letters become X or x, digits #, everything else stays: "John Smith" → "Xxxx Xxxxx". */
function mask(value: string): string {
  return value
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}|\p{Lo}/gu, 'x')
    .replace(/\p{N}/gu, '#');
}
