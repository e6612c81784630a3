import type { TextToolName } from '../../text/index.js';
import { bullets, count, field, list, numbered, percent, quoted, type ReplyFormatter } from './format.js';

interface LanguageView {
  readonly name: string;
  readonly iso639_1: string;
}

const languageNote = (output: unknown) => {
  const language = field<LanguageView | null>(output, 'language');
  return language ? ` (read as ${language.name})` : '';
};
const words = (items: readonly { word: string }[]) => items.map((item) => item.word).join(', ');
const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Replies to the analysis, language, sentiment and grammar tools. */
export const textAnalysisReplies: Partial<Record<TextToolName, ReplyFormatter>> = {
  analyze_text_basic: ({ output }) => {
    const value = (name: string) => Number(field(output, name) ?? 0);
    const minutes = Math.max(1, Math.round(value('reading_time_minutes')));
    return `${count(value('words'), 'word')}, ${count(value('sentences'), 'sentence')}, ${count(value('paragraphs'), 'paragraph')} and ${count(value('characters'), 'character')}${languageNote(output)}; about ${count(minutes, 'minute')} to read.`;
  },
  analyze_readability: ({ output }) => {
    const ease = field<number>(field(output, 'scores'), 'flesch_reading_ease');
    const label = field<string>(output, 'reading_ease_label');
    const grade = field<number | null>(output, 'average_grade_level');
    const parts = [
      ease === undefined ? undefined : `Flesch reading ease ${ease}${label ? ` (${label})` : ''}`,
      grade === null || grade === undefined ? undefined : `about grade ${grade}`,
    ].filter(Boolean);
    const notes = list<string>(output, 'notes');
    return `${parts.length ? `${capitalized(parts.join(', '))}.` : 'Scores computed.'}${notes.length ? `\n\n${notes.join(' ')}` : ''}`;
  },
  word_frequency_analysis: ({ output }) => {
    const items = list<{ word: string; count: number }>(output, 'items');
    if (items.length === 0) return 'No words to count (short and common words are left out).';
    return `The most frequent words:\n\n${numbered(items.map((item) => `${item.word} — ${item.count}`))}`;
  },
  text_complexity_analysis: ({ output }) => {
    const level = field<string>(output, 'complexity_level') ?? 'unknown';
    const lix = field<number>(output, 'lix');
    const average = field<number>(field(output, 'sentence_length'), 'average_words');
    const ratio = field<number>(field(output, 'lexical_diversity'), 'type_token_ratio');
    return `Complexity: ${level}${lix === undefined ? '' : ` (LIX ${lix})`}; ${average ?? '?'} words a sentence on average; vocabulary diversity (type–token ratio) ${ratio ?? '?'}.`;
  },
  detect_language: ({ output }) => {
    const language = field<LanguageView | null>(output, 'language');
    if (!language) return 'I could not tell the language of this text; a longer sentence helps.';
    const confidence = field<number>(output, 'confidence');
    const reliable = field<boolean>(output, 'reliable');
    const others = list<LanguageView>(output, 'candidates').slice(1);
    return `It is ${language.name} (${language.iso639_1})${confidence === undefined ? '' : `, confidence ${percent(confidence)}`}${reliable === false ? ' — not reliable, the text is short or mixed' : ''}.${others.length ? ` Next candidates: ${others.map((other) => other.name).join(', ')}.` : ''}`;
  },
  detect_multiple_languages: ({ output }) => {
    const languages = list<LanguageView & { share: number }>(output, 'languages');
    if (languages.length === 0) return 'I could not tell the language of any sentence.';
    return `The text is in ${languages.map((language) => `${language.name} (${percent(language.share)})`).join(', ')}, over ${count(Number(field(output, 'sentences') ?? 0), 'sentence')}.`;
  },
  analyze_sentiment: ({ output }) => {
    const label = field<string>(output, 'label') ?? 'neutral';
    const score = field<number>(output, 'score') ?? 0;
    const positive = list<{ word: string }>(output, 'positive_words');
    const negative = list<{ word: string }>(output, 'negative_words');
    return [
      `The tone is ${label} (score ${score}).`,
      positive.length ? `Positive words: ${words(positive)}.` : '',
      negative.length ? `Negative words: ${words(negative)}.` : '',
      ...list<string>(output, 'notes'),
    ]
      .filter(Boolean)
      .join(' ');
  },
  transform_sentiment: ({ output }) => {
    const rewritten = field<string | null>(output, 'transformed_text');
    const message = field<string>(output, 'message') ?? '';
    return rewritten ? `${message}\n\n${rewritten}` : message;
  },
  sentiment_comparison: ({ output }) => {
    const items = list<{ label: string; sentiment: string; comparative: number }>(output, 'items');
    const ranking = list<string>(output, 'ranking');
    const lines = ranking.map((label) => {
      const item = items.find((candidate) => candidate.label === label);
      return `${label}: ${item?.sentiment ?? '?'} (${item?.comparative ?? '?'} per word)`;
    });
    return `From most positive to most negative:\n\n${numbered(lines)}`;
  },
  check_grammar: ({ output }) => {
    const issues = list<{ message: string; text: string }>(output, 'issues');
    if (issues.length === 0) return 'I found no grammar or spelling issues.';
    const shown = issues.slice(0, 10).map((issue) => `${quoted(issue.text)}: ${issue.message}`);
    const more = issues.length > shown.length ? `\n- … and ${issues.length - shown.length} more` : '';
    const corrected = field<string>(output, 'corrected_text');
    return `${count(issues.length, 'issue')} found:\n\n${bullets(shown)}${more}${corrected ? `\n\nCorrected text:\n\n${corrected}` : ''}`;
  },
  suggest_improvements: ({ output }) => {
    const items = list<{ area: string; priority: string; advice: string }>(output, 'improvements');
    if (items.length === 0) return 'Nothing to improve in the areas I checked.';
    return `Suggestions, most important first:\n\n${numbered(items.map((item) => `${capitalized(item.area)} (${item.priority}): ${item.advice}`))}`;
  },
  explain_corrections: ({ output }) => {
    const changes = list<{ explanation: string }>(output, 'changes');
    if (changes.length === 0) return 'The two texts are the same.';
    return `${count(changes.length, 'change')}:\n\n${bullets(changes.map((change) => change.explanation))}`;
  },
};
