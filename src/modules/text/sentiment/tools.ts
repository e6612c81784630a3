import { InvalidInputError } from '../../../errors.js';
import { defineTool, type Tool } from '../../../tools/tool.js';
import { checkTextSize } from '../text-input.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  analyzeSentimentInputSchema,
  analyzeSentimentOutputSchema,
  sentimentComparisonInputSchema,
  sentimentComparisonOutputSchema,
  transformSentimentInputSchema,
  transformSentimentOutputSchema,
} from './schema.js';
import { sentimentTransformReport } from './transform-sentiment.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * take time to import, which every server start and CLI command would otherwise pay.
 */

const method = 'offline:afinn-165';
const round = (value: number) => Math.round(value * 10_000) / 10_000;
const wordsListed = { standard: 10, detailed: 25 };
const sentencesListed = 500;
const excerpt = (text: string) => (text.length <= 200 ? text : `${text.slice(0, 199)}…`);
const listWords = (words: { word: string }[]) => words.map((word) => word.word).join(', ');

/** The sentiment analyzer's tools, on the AFINN-165 lexicon. */
export function sentimentTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'analyze_sentiment',
      title: 'Analyze sentiment',
      toolset: 'Sentiment',
      description:
        'Scores the sentiment of an English text with the AFINN lexicon: a label (positive, negative, neutral), the score and the score per word, the words that drove it and, at detail_level "detailed", each sentence’s score.',
      input: analyzeSentimentInputSchema,
      output: analyzeSentimentOutputSchema,
      readOnly: true,
      async run(_actor, { text, detail_level, include_emotions }, context) {
        checkTextSize(text, deps);
        const [{ detectLanguage }, { analyzeSentiment }] = await Promise.all([
          import('../language/detect-language.js'),
          import('./analyze-sentiment.js'),
        ]);
        const { language } = await detectLanguage({ text, topN: 1 });
        const analysis = await analyzeSentiment({ text, language: language?.iso639_1 ?? 'en', context });
        const notes: string[] = [];
        if (language && language.iso639_1 !== 'en')
          notes.push(
            `AFINN is an English lexicon; this text looks like ${language.name}, so only the English words in it were scored.`,
          );
        if (include_emotions)
          notes.push(
            'Emotions are not reported: no emotion lexicon is available offline, and reading them off the positive/negative score would be guesswork.',
          );
        return {
          method,
          label: analysis.label,
          score: analysis.score,
          comparative: round(analysis.comparative),
          tokens: analysis.tokens,
          ...(detail_level === 'basic'
            ? {}
            : {
                positive_words: analysis.positive_words.slice(0, wordsListed[detail_level]),
                negative_words: analysis.negative_words.slice(0, wordsListed[detail_level]),
              }),
          ...(detail_level === 'detailed'
            ? {
                sentences: analysis.sentences.slice(0, sentencesListed).map((sentence) => ({
                  excerpt: excerpt(sentence.text),
                  start: sentence.start,
                  end: sentence.end,
                  score: sentence.score,
                  comparative: round(sentence.comparative),
                  label: sentence.label,
                })),
              }
            : {}),
          language,
          notes,
        };
      },
      summarize: ({ label, score, comparative, positive_words, negative_words }) =>
        [
          `${label[0]?.toUpperCase()}${label.slice(1)} (score ${score}, ${comparative} per word).`,
          positive_words?.length ? `Positive: ${listWords(positive_words)}.` : '',
          negative_words?.length ? `Negative: ${listWords(negative_words)}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
    }),
    defineTool({
      name: 'transform_sentiment',
      title: 'Change the tone of a text',
      toolset: 'Sentiment',
      description:
        'Rewrites a text with another sentiment, meaning kept, using the configured model. Offline (no model) the text is left as it is (transformed_text null, changed false) and the result says which words pull against the target tone, strongest first.',
      input: transformSentimentInputSchema,
      output: transformSentimentOutputSchema,
      readOnly: true,
      async run(_actor, { text, target_sentiment }, context) {
        checkTextSize(text, deps);
        const { analyzeSentiment } = await import('./analyze-sentiment.js');
        const analysis = await analyzeSentiment({ text, context });
        const report = sentimentTransformReport(analysis, target_sentiment);
        const { rewriteTone } = await import('./rewrite-tone.js');
        return {
          method,
          target_sentiment,
          current: { label: analysis.label, score: analysis.score, comparative: round(analysis.comparative) },
          ...report,
          ...(await rewriteTone({
            text,
            target: target_sentiment,
            report,
            writer: deps.writer,
            signal: context.signal,
          })),
        };
      },
      summarize: ({ message }) => message,
    }),
    defineTool({
      name: 'sentiment_comparison',
      title: 'Compare the sentiment of texts',
      toolset: 'Sentiment',
      description:
        'Scores several texts with the AFINN lexicon and ranks them from most positive to most negative by score per word, with each text’s label, scores and strongest words.',
      input: sentimentComparisonInputSchema,
      output: sentimentComparisonOutputSchema,
      readOnly: true,
      async run(_actor, { texts, labels = [] }, context) {
        if (labels.length > 0 && labels.length !== texts.length)
          throw new InvalidInputError(
            `Give one label per text: ${texts.length} texts, ${labels.length} labels`,
            {
              field: 'labels',
            },
          );
        checkTextSize(texts.join('\n'), deps, 'texts');
        const { compareSentiment } = await import('./compare-sentiment.js');
        const comparison = await compareSentiment({ texts, labels, context });
        return {
          method,
          ...comparison,
          items: comparison.items.map(({ label, analysis }) => ({
            label,
            sentiment: analysis.label,
            score: analysis.score,
            comparative: round(analysis.comparative),
            positive_words: analysis.positive_words.slice(0, 3),
            negative_words: analysis.negative_words.slice(0, 3),
          })),
          average_comparative: round(comparison.average_comparative),
          spread: round(comparison.spread),
        };
      },
      summarize: ({ items, ranking }) =>
        `From most positive to most negative: ${ranking
          .map((label) => {
            const item = items.find((candidate) => candidate.label === label);
            return `${label} (${item?.sentiment}, ${item?.comparative})`;
          })
          .join(', ')}.`,
    }),
  ];
}
