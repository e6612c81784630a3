import type { TeamOptions, TeamTurn } from './schema.js';

/** An answer as votes are counted: case, spacing and final punctuation aside. */
const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?]+$/, '')
    .trim();

/**
 * The answer a vote gives, from the members' answers in member order: the most frequent
 * (majority, ties to the earlier member), the first, the longest or the shortest.
 */
export function chooseVote(answers: TeamTurn[], strategy: TeamOptions['strategy']): string | null {
  const texts = answers.map((turn) => turn.output ?? '');
  if (texts.length === 0) return null;
  if (strategy === 'first') return texts[0] ?? null;
  if (strategy === 'longest' || strategy === 'shortest') {
    const sign = strategy === 'longest' ? 1 : -1;
    return texts.reduce((best, text) => (sign * (text.length - best.length) > 0 ? text : best));
  }
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(normalized(text), (counts.get(normalized(text)) ?? 0) + 1);
  let best = texts[0] ?? '';
  for (const text of texts) {
    if ((counts.get(normalized(text)) ?? 0) > (counts.get(normalized(best)) ?? 0)) best = text;
  }
  return best;
}
