import { InvalidInputError } from '../../../errors.js';
import { defineTool, type Tool, type ToolContext } from '../../../tools/tool.js';
import { resolveText } from '../text-input.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  analyzeReadabilityInputSchema,
  analyzeReadabilityOutputSchema,
  analyzeTextBasicInputSchema,
  analyzeTextBasicOutputSchema,
  textComplexityInputSchema,
  textComplexityOutputSchema,
  wordFrequencyInputSchema,
  wordFrequencyOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * take time to import, which every server start and CLI command would otherwise pay.
 */

type AnalysisInput = { text?: string; url?: string; language?: string };

/** The text, its language, and the text measured sentence by sentence; refuses a text without words. */
async function measured(
  input: AnalysisInput,
  deps: TextToolDeps,
  context: ToolContext,
  { needWords = true } = {},
) {
  const text = await resolveText(input, deps, context.signal);
  const [{ analysisLanguage }, { measureText }] = await Promise.all([
    import('./analysis-language.js'),
    import('./measure-text.js'),
  ]);
  const language = await analysisLanguage(text, input.language);
  const measure = await measureText({ text, language: language.code, context });
  if (needWords && measure.words.length === 0)
    throw new InvalidInputError('The text has no words to measure', { field: input.url ? 'url' : 'text' });
  return {
    text,
    measure,
    languageFields: { language: language.language, language_detected: language.detected },
  };
}

/** The text analyzer's tools; each takes its text inline or from a URL. */
export function analysisTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'analyze_text_basic',
      title: 'Basic text statistics',
      toolset: 'Text analysis',
      description:
        'Counts characters, letters, words, unique words, sentences, paragraphs and lines, with average word and sentence length and reading and speaking time. Takes text or a url.',
      input: analyzeTextBasicInputSchema,
      output: analyzeTextBasicOutputSchema,
      readOnly: true,
      async run(_actor, input, context) {
        const { text, measure, languageFields } = await measured(input, deps, context, { needWords: false });
        const { basicStatistics } = await import('./basic-statistics.js');
        const statistics = basicStatistics(text, measure, {
          reading: input.reading_speed_wpm,
          speaking: input.speaking_speed_wpm,
        });
        return { method: 'offline:cldr-segmentation+intl-segmenter', ...languageFields, ...statistics };
      },
      summarize: (result) =>
        `${result.words} words, ${result.sentences} sentences, ${result.paragraphs} paragraphs, ${result.characters} characters; about ${Math.max(1, Math.round(result.reading_time_minutes))} min to read.`,
    }),
    defineTool({
      name: 'analyze_readability',
      title: 'Readability scores',
      toolset: 'Text analysis',
      description:
        'Computes readability formulas — Flesch reading ease, Flesch–Kincaid grade, Coleman–Liau, ARI, Gunning fog, SMOG, Dale–Chall, Spache — from counts of sentences, words, syllables and letters, which it also returns. The formulas are made for English. Takes text or a url.',
      input: analyzeReadabilityInputSchema,
      output: analyzeReadabilityOutputSchema,
      readOnly: true,
      async run(_actor, input, context) {
        const { measure, languageFields } = await measured(input, deps, context);
        const { readabilityCounts, readabilityScores, readingEaseLabel } = await import('./readability.js');
        const counts = readabilityCounts(measure);
        const { scores, average_grade_level } = readabilityScores(counts, input.metrics);
        const notes: string[] = [];
        if (measure.language !== 'en')
          notes.push(
            `The formulas, the syllable counter and the familiar-word lists are made for English; for ${languageFields.language?.name ?? 'this'} text the figures are rough.`,
          );
        if (scores.smog !== undefined && counts.sentences < 30)
          notes.push(`SMOG is calibrated on 30 sentences; this text has ${counts.sentences}.`);
        return {
          method: 'offline:syllable+readability-formulas',
          ...languageFields,
          counts,
          scores,
          ...(scores.flesch_reading_ease === undefined
            ? {}
            : { reading_ease_label: readingEaseLabel(scores.flesch_reading_ease) }),
          average_grade_level,
          notes,
        };
      },
      summarize: ({ scores, reading_ease_label, average_grade_level }) =>
        [
          scores.flesch_reading_ease === undefined
            ? undefined
            : `Flesch reading ease ${scores.flesch_reading_ease} (${reading_ease_label})`,
          average_grade_level === null ? undefined : `average grade level ${average_grade_level}`,
        ]
          .filter(Boolean)
          .join('; ') || 'Scores computed.',
    }),
    defineTool({
      name: 'word_frequency_analysis',
      title: 'Word frequency',
      toolset: 'Text analysis',
      description:
        'Lists the most frequent words of a text with their counts and shares, leaving out short words and (by default) the stop words of the text’s language — lists for about 60 languages. Takes text or a url.',
      input: wordFrequencyInputSchema,
      output: wordFrequencyOutputSchema,
      readOnly: true,
      async run(_actor, input, context) {
        const text = await resolveText(input, deps, context.signal);
        const [{ analysisLanguage }, { wordFrequency }] = await Promise.all([
          import('./analysis-language.js'),
          import('./word-frequency.js'),
        ]);
        const language = await analysisLanguage(text, input.language);
        const frequency = await wordFrequency({
          text,
          language: language.language,
          languageCode: language.code,
          topN: input.top_n,
          minLength: input.min_length,
          excludeCommon: input.exclude_common,
          includeNumbers: input.include_numbers,
          context,
        });
        return {
          method: 'offline:intl-segmenter+stopword',
          language: language.language,
          language_detected: language.detected,
          ...frequency,
        };
      },
      summarize: ({ items }) =>
        items.length === 0
          ? 'No words counted.'
          : items.map((item) => `${item.word} (${item.count})`).join(', '),
    }),
    defineTool({
      name: 'text_complexity_analysis',
      title: 'Text complexity',
      toolset: 'Text analysis',
      description:
        'Measures how demanding a text is: vocabulary diversity (type–token ratio, root TTR, words used once), word length, sentence length and its spread, the longest sentences, LIX with its level, and the Flesch–Kincaid grade. Takes text or a url.',
      input: textComplexityInputSchema,
      output: textComplexityOutputSchema,
      readOnly: true,
      async run(_actor, input, context) {
        const { measure, languageFields } = await measured(input, deps, context);
        const { textComplexity } = await import('./complexity.js');
        return { method: 'offline:lix+lexical-statistics', ...languageFields, ...textComplexity(measure) };
      },
      summarize: ({ complexity_level, lix, lexical_diversity, sentence_length }) =>
        `Complexity: ${complexity_level} (LIX ${lix}); ${sentence_length.average_words} words a sentence; type–token ratio ${lexical_diversity.type_token_ratio}.`,
    }),
  ];
}
