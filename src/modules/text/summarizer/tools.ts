import { defineTool, type Tool } from '../../../tools/tool.js';
import { resolveText } from '../text-input.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  extractKeyPointsInputSchema,
  extractKeyPointsOutputSchema,
  generateHeadlinesInputSchema,
  generateHeadlinesOutputSchema,
  summarizeTextInputSchema,
  summarizeTextOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * (compromise, faker, chrono, pdf.js, retext, Tesseract) take about a second to import, which
 * every server start and CLI command would otherwise pay.
 */

/** The summarizer toolset: summaries, key points and headlines from a text or a URL, offline. */
export function summarizerTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'summarize_text',
      title: 'Summarize text',
      toolset: 'Summarizer',
      description:
        'Summarizes a text or a web page with its own most central sentences (TextRank), short, medium or long, optionally leaning toward focus words; as prose, bullet points or key insights, where every summary sentence is a sentence of the text. The abstractive type is written in new words by the configured model (offline it is the extractive summary; method says which).',
      input: summarizeTextInputSchema,
      output: summarizeTextOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        const text = await resolveText(input, deps, context.signal);
        const { summarizeText } = await import('./summarize-text.js');
        const extractive = await summarizeText(text, input, context);
        if (input.summary_type !== 'abstractive') return extractive;
        const { writeAbstract } = await import('./abstractive.js');
        return writeAbstract({
          extractive,
          text,
          focus: input.focus,
          writer: deps.writer,
          signal: context.signal,
        });
      },
      summarize: ({ summary }) => summary,
    }),
    defineTool({
      name: 'extract_key_points',
      title: 'Extract key points',
      toolset: 'Summarizer',
      description:
        'The most central sentences of a text or a web page (TextRank), most important first, each with its place in the text and optionally the sentences around it; plus the key terms.',
      input: extractKeyPointsInputSchema,
      output: extractKeyPointsOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        const text = await resolveText(input, deps, context.signal);
        const [{ rankedSentences }, { keyTerms }] = await Promise.all([
          import('./summarize.js'),
          import('./key-terms.js'),
        ]);
        const { ranked } = await rankedSentences(text, context);
        const inOrder = [...ranked].sort((a, b) => a.index - b.index);
        return {
          key_points: ranked.slice(0, input.max_points).map((sentence, position) => ({
            text: sentence.text,
            start: sentence.start,
            end: sentence.end,
            score: sentence.score,
            rank: position + 1,
            ...(input.include_context
              ? {
                  context_before: inOrder[sentence.index - 1]?.text,
                  context_after: inOrder[sentence.index + 1]?.text,
                }
              : {}),
          })),
          key_terms: keyTerms(text, 10),
          method: 'offline:textrank',
        };
      },
      summarize: ({ key_points }) => key_points.map((point) => `${point.rank}. ${point.text}`).join('\n'),
    }),
    defineTool({
      name: 'generate_headlines',
      title: 'Generate headlines',
      toolset: 'Summarizer',
      description:
        'Headline suggestions for a text or a web page, built offline from its key sentences and key terms in one of four styles (informative, news, question, keywords).',
      input: generateHeadlinesInputSchema,
      output: generateHeadlinesOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        const text = await resolveText(input, deps, context.signal);
        const [{ rankedSentences }, { keyTerms }, { buildHeadlines }] = await Promise.all([
          import('./summarize.js'),
          import('./key-terms.js'),
          import('./headlines.js'),
        ]);
        const { ranked } = await rankedSentences(text, context);
        const terms = keyTerms(text, 10);
        return {
          headlines: buildHeadlines({ sentences: ranked, terms, count: input.count, style: input.style }),
          key_terms: terms,
          method: 'offline:textrank+keywords (headlines from the key sentences and terms)',
        };
      },
      summarize: ({ headlines }) => headlines.map((headline) => `- ${headline}`).join('\n'),
    }),
  ];
}
