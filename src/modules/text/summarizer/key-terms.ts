import { splitIntoChunks } from '../sentences/text-chunks.js';
import { contentTerms } from './content-terms.js';
import { pageRank } from './page-rank.js';

/**
 * The text's key terms by TextRank keyword extraction (Mihalcea & Tarau 2004): content words are
 * nodes, joined when they occur within two words of each other; ranked by PageRank; the top third
 * (at most 30) kept. A top word is given as the phrase of kept words it most often stands in
 * when that phrase occurs twice or more ("honey bees"), else alone; no word is given twice.
 * Each term is in its most frequent written form.
 */
export function keyTerms(text: string, limit = 10): string[] {
  // Word by word within each chunk: Intl.Segmenter slows down on long strings.
  const terms = splitIntoChunks(text).flatMap((chunk) => contentTerms(chunk.text, chunk.start));
  if (terms.length === 0) return [];
  const ids = new Map<string, number>();
  for (const term of terms) if (!ids.has(term.stem)) ids.set(term.stem, ids.size);
  const neighbours: Map<number, number>[] = [...ids.keys()].map(() => new Map());
  for (let index = 1; index < terms.length; index++) {
    const here = ids.get(terms[index]?.stem ?? '') ?? 0;
    const before = ids.get(terms[index - 1]?.stem ?? '') ?? 0;
    if (here === before) continue;
    neighbours[here]?.set(before, (neighbours[here]?.get(before) ?? 0) + 1);
    neighbours[before]?.set(here, (neighbours[before]?.get(here) ?? 0) + 1);
  }
  const scores = pageRank({ graph: neighbours.map((edges) => [...edges]) });
  const keep = Math.min(30, Math.max(limit, Math.ceil(ids.size / 3)));
  const kept = new Set(
    [...ids.entries()]
      .sort((a, b) => (scores[b[1]] ?? 0) - (scores[a[1]] ?? 0))
      .slice(0, keep)
      .map(([stem]) => stem),
  );

  // Phrases: runs of up to three kept terms next to each other in the text, counted by written form.
  const phrases = new Map<string, { stems: string[]; count: number; forms: Map<string, number> }>();
  let run: typeof terms = [];
  const flush = () => {
    if (run.length > 1 && run.length <= 3) {
      const key = run.map((term) => term.stem).join(' ');
      const form = run.map((term) => term.word.toLowerCase()).join(' ');
      const entry = phrases.get(key) ?? { stems: run.map((term) => term.stem), count: 0, forms: new Map() };
      entry.count++;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      phrases.set(key, entry);
    }
    run = [];
  };
  terms.forEach((term, index) => {
    const previous = terms[index - 1];
    const adjacent = previous && /^\s+$/.test(text.slice(previous.start + previous.word.length, term.start));
    if (!kept.has(term.stem)) return flush();
    if (!adjacent) flush();
    run.push(term);
  });
  flush();

  // Each top word, as its most frequent phrase when one occurs twice or more; no term twice.
  const wordForms = new Map<string, Map<string, number>>();
  for (const term of terms) {
    const forms = wordForms.get(term.stem) ?? new Map<string, number>();
    forms.set(term.word.toLowerCase(), (forms.get(term.word.toLowerCase()) ?? 0) + 1);
    wordForms.set(term.stem, forms);
  }
  const covered = new Set<string>();
  const result: string[] = [];
  for (const stem of [...kept]) {
    if (result.length >= limit) break;
    const phrase = [...phrases.values()]
      .filter((entry) => entry.count >= 2 && entry.stems.includes(stem))
      .sort((a, b) => b.count - a.count)[0];
    const stems = phrase?.stems ?? [stem];
    if (stems.every((part) => covered.has(part))) continue;
    for (const part of stems) covered.add(part);
    result.push(mostFrequent(phrase?.forms ?? wordForms.get(stem)));
  }
  return result;
}

function mostFrequent(forms: Map<string, number> | undefined): string {
  return [...(forms ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
