import type { Finding } from './finding.js';

const nameKinds = new Set(['person', 'place', 'organization']);
const titles = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'sir', 'dame', 'rev', 'st', 'mx']);

/**
 * More findings for names the tagger found once but not everywhere: every other occurrence of a
 * found name, and of each capitalised part of a person's full name ("Smith" after "John Smith"),
 * since a tagger reads each sentence alone and misses "Smith said". Overlaps are left for
 * resolveOverlaps.
 */
export function propagateNames(text: string, findings: readonly Finding[]): Finding[] {
  const extra: Finding[] = [];
  const searched = new Set<string>();
  const search = (value: string, type: Finding['type'], confidence: number) => {
    const key = `${type}\u0000${value}`;
    if (searched.has(key)) return;
    searched.add(key);
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')))
      extra.push({ type, value, start: match.index, end: match.index + value.length, confidence });
  };
  for (const finding of findings) {
    if (!nameKinds.has(finding.type)) continue;
    search(finding.value, finding.type, finding.confidence - 0.05);
    if (finding.type !== 'person') continue;
    const parts = finding.value.split(/\s+/);
    if (parts.length < 2) continue;
    for (const part of parts) {
      const bare = part.replace(/[.,]$/, '');
      if (bare.length >= 2 && /^\p{Lu}/u.test(bare) && !titles.has(bare.toLowerCase()))
        search(bare, 'person', 0.7);
    }
  }
  return extra;
}
