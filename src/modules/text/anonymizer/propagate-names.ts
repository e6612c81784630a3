import type { Finding } from './finding.js';

const nameKinds = new Set(['person', 'place', 'organization']);
const titles = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'sir', 'dame', 'rev', 'st', 'mx']);

/**
 * More findings for names the tagger found once but not everywhere: every other occurrence of a
 * found name, and of each capitalised part of a person's full name ("Smith" after "John Smith"),
 * since a tagger reads each sentence alone and misses "Smith said". One pass over the text for all
 * names (longest first); overlaps are left for resolveOverlaps.
 */
export function propagateNames(text: string, findings: readonly Finding[]): Finding[] {
  const targets = new Map<string, { type: Finding['type']; confidence: number }>();
  for (const finding of findings)
    if (nameKinds.has(finding.type) && !targets.has(finding.value))
      targets.set(finding.value, { type: finding.type, confidence: finding.confidence - 0.05 });
  for (const finding of findings) {
    if (finding.type !== 'person') continue;
    const parts = finding.value.split(/\s+/);
    if (parts.length < 2) continue;
    for (const part of parts) {
      const bare = part.replace(/[.,]$/, '');
      if (bare.length >= 2 && /^\p{Lu}/u.test(bare) && !titles.has(bare.toLowerCase()) && !targets.has(bare))
        targets.set(bare, { type: 'person', confidence: 0.7 });
    }
  }
  if (targets.size === 0) return [];
  const alternatives = [...targets.keys()]
    .sort((a, b) => b.length - a.length)
    .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const extra: Finding[] = [];
  for (const match of text.matchAll(pattern)) {
    const target = targets.get(match[0]);
    if (target)
      extra.push({ ...target, value: match[0], start: match.index, end: match.index + match[0].length });
  }
  return extra;
}
