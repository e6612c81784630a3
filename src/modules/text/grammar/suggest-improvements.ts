import type { ToolContext } from '../../../tools/tool.js';
import { splitSentences } from '../sentences/split-sentences.js';
import { checkGrammar } from './check-grammar.js';
import type { GrammarIssue, IssueCategory } from './grammar-issue.js';
import { type Dialect, type FocusArea, focusAreas } from './options.js';
import { wordCount } from './style-checks.js';

const areaCategories: Record<FocusArea, IssueCategory[]> = {
  grammar: ['repeated_word', 'article'],
  spelling: ['spelling'],
  clarity: ['passive_voice'],
  conciseness: ['wordy_phrase'],
  readability: ['sentence_length'],
  formality: ['contraction'],
};

const advice: Record<FocusArea, string> = {
  grammar: 'Fix repeated words and articles (“a” before a consonant sound, “an” before a vowel sound).',
  spelling: 'Correct the words the dictionary does not know (names are left alone).',
  clarity: 'Rewrite passive sentences in the active voice, naming who acts.',
  conciseness: 'Replace wordy phrases with the plainer words suggested.',
  readability: 'Split sentences over 25 words; aim for 15–20 words on average.',
  formality: 'Spell out contractions in formal writing.',
};

export interface Improvement {
  area: FocusArea;
  priority: 'high' | 'medium' | 'low';
  count: number;
  advice: string;
  examples: { text: string; start: number; end: number; message: string; suggestion?: string | undefined }[];
}

/**
 * Improvements grouped by focus area (all areas when none are given), each with how often the
 * problem occurs, what to do, and up to three examples from the text; plus the figures behind
 * them. Priority: spelling and grammar problems are high; an area touching more than a fifth of
 * the sentences is medium; otherwise low.
 */
export async function suggestImprovements(
  text: string,
  areas: readonly FocusArea[],
  dialect: Dialect,
  context: Pick<ToolContext, 'signal' | 'progress'>,
) {
  const wanted = areas.length > 0 ? areas : focusAreas;
  const { issues } = await checkGrammar(
    text,
    { level: 'advanced', style: 'formal', preserveTone: true, dialect },
    context,
  );
  const sentences = splitSentences(text);
  const words = sentences.reduce((sum, sentence) => sum + wordCount(sentence.text), 0);
  const passive = new Set(
    issues
      .filter((issue) => issue.category === 'passive_voice')
      .map((issue) =>
        sentences.findIndex((sentence) => sentence.start <= issue.start && issue.end <= sentence.end),
      ),
  ).size;
  const improvements: Improvement[] = [];
  for (const area of wanted) {
    const found = issues.filter((issue) => areaCategories[area].includes(issue.category));
    if (found.length === 0) continue;
    const share = sentences.length > 0 ? found.length / sentences.length : 0;
    improvements.push({
      area,
      priority: area === 'spelling' || area === 'grammar' ? 'high' : share > 0.2 ? 'medium' : 'low',
      count: found.length,
      advice: advice[area],
      examples: found.slice(0, 3).map((issue: GrammarIssue) => ({
        text: issue.text,
        start: issue.start,
        end: issue.end,
        message: issue.message,
        suggestion: issue.fix ?? issue.suggestions[0],
      })),
    });
  }
  const order = { high: 0, medium: 1, low: 2 };
  improvements.sort((a, b) => order[a.priority] - order[b.priority] || b.count - a.count);
  return {
    improvements,
    stats: {
      sentences: sentences.length,
      words,
      average_sentence_words: sentences.length > 0 ? Math.round((words / sentences.length) * 10) / 10 : 0,
      passive_sentences: passive,
      long_sentences: issues.filter((issue) => issue.category === 'sentence_length').length,
    },
  };
}
