import nlp from 'compromise';
import { findingAt, type Finding } from '../finding.js';
import type { SensitiveKind } from '../sensitive-kinds.js';
import { splitIntoChunks } from '../../sentences/text-chunks.js';

export type EntityKind = Extract<SensitiveKind, 'person' | 'place' | 'organization'>;

/** compromise's tagger names people more surely than places or organisations. */
const confidenceOf: Record<EntityKind, number> = { person: 0.8, place: 0.75, organization: 0.75 };

/** "Bank of England", "University of Toronto": an institution named after a place is not the place. */
const institutionOfPlace =
  '(bank|university|college|institute|ministry|department|museum|school|hospital|church|bureau|council|court|federation|association|society|foundation|academy|office) of the? #ProperNoun+';

interface Match {
  offset: { start: number; length: number };
}

/** What the tagger found: named entities, and capitalised names it could not place in a kind. */
export interface NamedEntities {
  readonly findings: Finding[];
  /** Proper-noun stretches of the text, cut at commas and "and"/"or", for listed-names.ts. */
  readonly properNouns: { start: number; end: number }[];
}

/**
 * Names of people, places and organisations, by compromise's offline English tagger, run on
 * pieces of about 2 KB (see splitIntoChunks). Calls `onChunk` after each piece so a caller can
 * report progress and stop when cancelled.
 */
export async function findNamedEntities(
  text: string,
  kinds: ReadonlySet<EntityKind>,
  onChunk: (done: number, total: number) => Promise<void> = async () => {},
): Promise<NamedEntities> {
  const findings: Finding[] = [];
  const properNouns: { start: number; end: number }[] = [];
  const chunks = splitIntoChunks(text);
  for (const [index, chunk] of chunks.entries()) {
    const document = nlp(chunk.text);
    const spans = (matches: unknown) =>
      (matches as Match[]).map(({ offset }) => ({
        start: chunk.start + offset.start,
        end: chunk.start + offset.start + offset.length,
      }));
    const lists: [EntityKind, { start: number; end: number }[], number?][] = [
      ['person', spans(document.people().json({ offset: true }))],
      ['place', spans(document.places().json({ offset: true }))],
      ['organization', spans(document.organizations().json({ offset: true }))],
      ['organization', spans(document.match(institutionOfPlace).json({ offset: true })), 0.8],
    ];
    for (const [type, found, confidence] of lists) {
      if (!kinds.has(type)) continue;
      for (const span of found.flatMap((span) => splitAtListBreaks(text, span)))
        findings.push(findingAt(text, { type, ...span, confidence: confidence ?? confidenceOf[type] }));
    }
    properNouns.push(
      ...spans(document.match('#ProperNoun+').json({ offset: true })).flatMap((span) =>
        splitAtListBreaks(text, span),
      ),
    );
    await onChunk(index + 1, chunks.length);
  }
  return { findings, properNouns };
}

/**
 * compromise joins listed names into one span ("IBM, Pfizer, Oxfam,", "Ahmed Hassan (Emirates");
 * each name is its own finding, cut at commas, semicolons, brackets and "and"/"or", and trimmed
 * of the punctuation around it and of a possessive "'s".
 */
function splitAtListBreaks(text: string, span: { start: number; end: number }) {
  const pieces: { start: number; end: number }[] = [];
  const raw = text.slice(span.start, span.end);
  let pieceStart = 0;
  const push = (end: number) => {
    const trimmed = trimToWord(text, span.start + pieceStart, span.start + end);
    if (trimmed) pieces.push(trimmed);
  };
  for (const separator of raw.matchAll(/\s*[,;()[\]]\s*|\s+(?:and|or|&)\s+/g)) {
    push(separator.index);
    pieceStart = separator.index + separator[0].length;
  }
  push(raw.length);
  return pieces;
}

/** compromise's spans include the punctuation after a term ("Paris,"); a name ends at its last letter. */
function trimToWord(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && !/[\p{L}\p{N}]/u.test(text.charAt(start))) start++;
  while (end > start && !/[\p{L}\p{N}]/u.test(text.charAt(end - 1))) end--;
  if (/['’]s$/.test(text.slice(start, end))) end -= 2;
  return end > start ? { start, end } : undefined;
}
