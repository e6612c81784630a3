import type { Sentence } from '../sentences/split-sentences.js';
import { contentTerms } from './content-terms.js';

/** Words that report an outcome: a sentence that says what was decided is usually the news. */
const decisionWords =
  /\b(vot(?:e|ed|es|ing)|approv\w*|decid\w*|decision\w*|agreed|agreement|reject\w*|passed|adopt\w*|elected|announc\w*|signed|resolved|ruled|concluded|chose|chosen|awarded|ratified|endorsed|confirmed|verdict)\b/i;
/** A figure: digits, or the words amounts are written in. */
const figures = /\d|\b(?:percent|million|billion|thousand|hundred|dozen)\b/i;

const decisionBoost = 0.5;
const figureBoost = 0.2;
const leadBoost = 0.6;

/**
 * How much more than its TextRank centrality each sentence should count: TextRank favours the
 * sentence most like the others ("the council met on Tuesday"), which is often scene-setting,
 * while the point of a text is what was decided, the figures, and what its title or first
 * sentence announces. Each sentence gets 1, plus a share for a decision word, a share for a
 * figure, and a share for the words it has in common with the first sentence (a title, when the
 * text has one). A multiplier, so an off-topic sentence with a number still ranks low.
 */
export function salienceWeights(sentences: readonly Sentence[]): number[] {
  const lead = new Set(contentTerms(sentences[0]?.text ?? '').map((term) => term.stem));
  return sentences.map((sentence, index) => {
    let weight = 1;
    if (decisionWords.test(sentence.text)) weight += decisionBoost;
    if (figures.test(sentence.text)) weight += figureBoost;
    if (index > 0 && lead.size > 0) {
      const stems = new Set(contentTerms(sentence.text).map((term) => term.stem));
      const shared = [...lead].filter((stem) => stems.has(stem)).length;
      weight += leadBoost * (shared / lead.size);
    }
    return weight;
  });
}
