import { defineTool, type Tool } from '../../../tools/tool.js';
import { checkTextSize } from '../text-input.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  checkGrammarInputSchema,
  checkGrammarOutputSchema,
  explainCorrectionsInputSchema,
  explainCorrectionsOutputSchema,
  suggestImprovementsInputSchema,
  suggestImprovementsOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * (compromise, faker, chrono, pdf.js, retext, Tesseract) take about a second to import, which
 * every server start and CLI command would otherwise pay.
 */

const checkersMethod = 'offline:retext (nspell, repeated-words, indefinite-article, passive, simplify)';

/** The grammar toolset: offline checks with positions and fixes, improvement advice, and explained diffs. */
export function grammarTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'check_grammar',
      title: 'Check grammar and style',
      toolset: 'Grammar',
      description:
        'Checks English text offline: spelling (Hunspell dictionary), repeated words, a/an, passive voice, wordy phrases, long sentences, and contractions in formal styles. Each issue has its position, a message and suggestions; the corrected text applies the safe fixes.',
      input: checkGrammarInputSchema,
      output: checkGrammarOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.text, deps);
        const { checkGrammar } = await import('./check-grammar.js');
        const result = await checkGrammar(
          input.text,
          {
            level: input.correction_level,
            style: input.style,
            preserveTone: input.preserve_tone,
            dialect: input.dialect,
          },
          context,
        );
        const counts: Record<string, number> = {};
        for (const issue of result.issues) counts[issue.category] = (counts[issue.category] ?? 0) + 1;
        return {
          issues: result.issues,
          corrected_text: result.correctedText,
          fixes_applied: result.fixesApplied,
          counts,
          method: checkersMethod,
        };
      },
      summarize: ({ issues, fixes_applied }) =>
        issues.length === 0
          ? 'No issues found.'
          : `${issues.length} issues, ${fixes_applied} fixed in the corrected text:\n${issues
              .slice(0, 20)
              .map((issue) => `- ${issue.message}`)
              .join('\n')}`,
    }),
    defineTool({
      name: 'suggest_improvements',
      title: 'Suggest writing improvements',
      toolset: 'Grammar',
      description:
        'Advice on a text by focus area (grammar, spelling, clarity, conciseness, readability, formality), most important first, each with examples from the text and the figures behind it.',
      input: suggestImprovementsInputSchema,
      output: suggestImprovementsOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.text, deps);
        const { suggestImprovements } = await import('./suggest-improvements.js');
        return {
          ...(await suggestImprovements(input.text, input.focus_areas, input.dialect, context)),
          method: checkersMethod,
        };
      },
      summarize: ({ improvements }) =>
        improvements.length === 0
          ? 'Nothing to improve in the areas checked.'
          : improvements
              .map((item) => `- ${item.area} (${item.priority}, ${item.count}): ${item.advice}`)
              .join('\n'),
    }),
    defineTool({
      name: 'explain_corrections',
      title: 'Explain corrections',
      toolset: 'Grammar',
      description:
        'Compares an original text with its corrected version word by word and explains each change (spelling, repeated word, article, wordy phrase, contraction, capitalisation, punctuation, spacing, or wording).',
      input: explainCorrectionsInputSchema,
      output: explainCorrectionsOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.original_text, deps, 'original_text');
        checkTextSize(input.corrected_text, deps, 'corrected_text');
        const { explainCorrections } = await import('./explain-corrections.js');
        const changes = await explainCorrections(
          input.original_text,
          input.corrected_text,
          input.dialect,
          context,
        );
        return { changes, method: `offline:diff (words) + ${checkersMethod}` };
      },
      summarize: ({ changes }) =>
        changes.length === 0
          ? 'The texts are the same.'
          : changes.map((change) => `- ${change.explanation}`).join('\n'),
    }),
  ];
}
