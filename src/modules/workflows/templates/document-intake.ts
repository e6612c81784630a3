import { documentToolNames } from '../../resources/tool-names.js';
import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const text: TextToolName = 'clean_text';
const language: TextToolName = 'detect_language';
const summary: TextToolName = 'summarize_text';
const headline: TextToolName = 'generate_headlines';

/** The note's name: the one given, else the first headline (cut to 200 characters), else "Intake". */
const noteName =
  'has(input.name) && input.name.trim() != "" ? input.name : ' +
  '(size(steps.headline.output.headlines) == 0 ? "Intake" : cel.bind(h, steps.headline.output.headlines[0], h.size() > 200 ? h.substring(0, 200) : h))';

/** The note's tags: "intake", the language's code when told, and the text's five best key terms. */
const noteTags =
  '["intake"] + (steps.language.output.language == null ? [] : [steps.language.output.language.iso639_1]) + ' +
  'cel.bind(terms, steps.summary.output.key_terms.filter(term, term.trim() != "" && term.size() <= 50), ' +
  '[0, 1, 2, 3, 4].filter(i, i < size(terms)).map(i, terms[i]))';

/**
 * A text in, a tidy note out: whitespace cleaned, language detected, summarized and tagged by its
 * key terms (language, summary and headline run at once, after the cleaning).
 */
export const documentIntake: WorkflowTemplate = {
  id: 'document-intake',
  title: 'Document intake',
  description:
    'Cleans a text, detects its language, summarizes it, tags it with its language and key terms, and stores it as a note with the summary on top.',
  definition: {
    name: 'document-intake',
    description: 'Clean, detect the language, summarize, tag and store a text as a note.',
    input_schema: {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, description: 'The text to take in' },
        name: {
          type: 'string',
          maxLength: 255,
          description: 'The note’s name (default: a headline of the text)',
        },
      },
      required: ['text'],
    },
    steps: [
      {
        id: 'clean',
        kind: 'tool',
        title: 'Clean the text',
        tool: text,
        input: { text: '{{ input.text }}', normalize_whitespace: true },
      },
      {
        id: 'language',
        kind: 'tool',
        title: 'Detect its language',
        needs: ['clean'],
        tool: language,
        input: { text: '{{ steps.clean.output.text }}', include_confidence: false },
      },
      {
        id: 'summary',
        kind: 'tool',
        title: 'Summarize it',
        needs: ['clean'],
        tool: summary,
        input: { text: '{{ steps.clean.output.text }}', summary_type: 'extractive', length: 'short' },
      },
      {
        id: 'headline',
        kind: 'tool',
        title: 'Find a headline for its name',
        needs: ['clean'],
        tool: headline,
        input: { text: '{{ steps.clean.output.text }}', count: 1 },
      },
      {
        id: 'note',
        kind: 'tool',
        title: 'Store it as a tagged note',
        needs: ['language', 'summary', 'headline'],
        tool: documentToolNames.createNote,
        input: {
          name: `{{ ${noteName} }}`,
          content:
            '## Summary\n\n{{ steps.summary.output.summary }}\n\n## Text\n\n{{ steps.clean.output.text }}',
          tags: `{{ ${noteTags} }}`,
        },
      },
    ],
    output: {
      note_id: '{{ steps.note.output.document.document_id }}',
      language:
        '{{ steps.language.output.language == null ? "unknown" : steps.language.output.language.name }}',
      summary: '{{ steps.summary.output.summary }}',
      tags: '{{ steps.note.output.document.tags }}',
    },
    triggers: [{ kind: 'manual' }],
  },
};
