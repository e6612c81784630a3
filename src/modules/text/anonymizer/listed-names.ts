import type { Finding } from './finding.js';

/** What may stand between two names of one list: a comma, "and", "or", with "the" before the next. */
const listBreak = /^\s*(?:,|;|&|and|or|, and|, or)\s*(?:the\s+)?$/i;
const nameKinds = new Set<Finding['type']>(['person', 'place', 'organization']);

/**
 * Names the tagger saw as proper nouns but could not classify take the kind of the names they are
 * listed with: in "Toyota Motor Corporation, Barclays, Amazon and IBM" all four are
 * organisations. Runs until nothing changes; a name between two kinds takes the one before it.
 */
export function adoptListedNames(
  text: string,
  findings: readonly Finding[],
  properNouns: readonly { start: number; end: number }[],
): Finding[] {
  const named = findings.filter((finding) => nameKinds.has(finding.type));
  const adopted: Finding[] = [];
  let open = properNouns.filter(
    (noun) => !findings.some((finding) => finding.start < noun.end && noun.start < finding.end),
  );
  for (let changed = true; changed;) {
    changed = false;
    const known = [...named, ...adopted];
    const remaining: typeof open = [];
    for (const noun of open) {
      const neighbour =
        known.find(
          (finding) => finding.end <= noun.start && listBreak.test(text.slice(finding.end, noun.start)),
        ) ??
        known.find(
          (finding) => noun.end <= finding.start && listBreak.test(text.slice(noun.end, finding.start)),
        );
      if (!neighbour) {
        remaining.push(noun);
        continue;
      }
      adopted.push({
        type: neighbour.type,
        value: text.slice(noun.start, noun.end),
        ...noun,
        confidence: 0.7,
      });
      changed = true;
    }
    open = remaining;
  }
  return adopted;
}
