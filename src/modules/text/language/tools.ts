import { defineTool, type Tool } from '../../../tools/tool.js';
import { checkTextSize } from '../text-input.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  detectLanguageInputSchema,
  detectLanguageOutputSchema,
  detectMultipleLanguagesInputSchema,
  detectMultipleLanguagesOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * take time to import, which every server start and CLI command would otherwise pay.
 */

const method = 'offline:eld';
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The language detector's tools: one language for a text, or its languages sentence by sentence. */
export function languageTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'detect_language',
      title: 'Detect the language',
      toolset: 'Language',
      description:
        'Tells which language a text is written in (60 languages), with ISO 639-1 and 639-3 codes, the English name, a confidence score and the runner-up candidates. Best from a sentence of 50+ characters; for text mixing languages use detect_multiple_languages.',
      input: detectLanguageInputSchema,
      output: detectLanguageOutputSchema,
      readOnly: true,
      async run(_actor, { text, include_confidence, top_n, candidate_languages }) {
        checkTextSize(text, deps);
        const { detectLanguage } = await import('./detect-language.js');
        const detection = await detectLanguage({
          text,
          topN: top_n,
          candidates: candidate_languages,
        });
        if (include_confidence) return { method, ...detection };
        const { confidence: _confidence, candidates, ...rest } = detection;
        return { method, ...rest, candidates: candidates.map(({ score: _score, ...language }) => language) };
      },
      summarize: ({ language, confidence, reliable, candidates }) =>
        language
          ? `${language.name} (${language.iso639_1}/${language.iso639_3})${confidence === undefined ? '' : `, score ${confidence.toFixed(2)}`}${reliable ? '' : ', not reliable'}.` +
            (candidates.length > 1
              ? ` Other candidates: ${candidates
                  .slice(1)
                  .map((candidate) => candidate.name)
                  .join(', ')}.`
              : '')
          : 'Could not tell the language of this text.',
    }),
    defineTool({
      name: 'detect_multiple_languages',
      title: 'Detect the languages of a mixed text',
      toolset: 'Language',
      description:
        'Finds the languages a text is written in, sentence by sentence: each language with its share of the text, and the segments (runs of sentences) in each language with their offsets. Sentences too short to tell are counted as undetermined.',
      input: detectMultipleLanguagesInputSchema,
      output: detectMultipleLanguagesOutputSchema,
      readOnly: true,
      run: async (_actor, { text, max_languages, max_segments, candidate_languages }, context) => {
        checkTextSize(text, deps);
        const { detectLanguagesBySentence } = await import('./detect-multiple-languages.js');
        return {
          method,
          ...(await detectLanguagesBySentence({
            text,
            maxLanguages: max_languages,
            maxSegments: max_segments,
            candidates: candidate_languages,
            context,
          })),
        };
      },
      summarize: ({ languages, segments_total, sentences }) =>
        languages.length === 0
          ? 'Could not tell the language of any sentence.'
          : `${languages.map((language) => `${language.name} ${percent(language.share)}`).join(', ')} — ${sentences} sentences in ${segments_total} segments.`,
    }),
  ];
}
