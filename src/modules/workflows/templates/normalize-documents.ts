import { documentToolNames } from '../../resources/tool-names.js';
import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const clean: TextToolName = 'clean_text';
const unicode: TextToolName = 'normalize_unicode';
const transliterate: TextToolName = 'transliterate_text';
const language: TextToolName = 'detect_language';

/** The text to save: the Latin spelling when it was asked for (and made), else the normalized text. */
const finalText =
  '{{ has(steps.latin) && steps.latin.status == "succeeded" ? steps.latin.output.text : steps.unicode.output.text }}';

/**
 * A batch of documents, two at a time: each read, its whitespace and Unicode normalized (NFKC by
 * default: full-width letters, ligatures and circled digits become plain ones), optionally spelled
 * in Latin letters (北京 → BeiJing), and saved beside the original as a new note tagged with its
 * language. The originals are left as they are.
 */
export const normalizeDocuments: WorkflowTemplate = {
  id: 'normalize-documents',
  title: 'Normalize a batch of documents',
  description:
    'For each document of a list (two at a time): cleans its whitespace, normalizes its Unicode (NFKC by default), optionally transliterates it to Latin letters, detects its language and saves the result as a new note tagged "normalized" and with the language code. The originals stay as they are.',
  definition: {
    name: 'normalize-documents',
    description: 'Normalizes (and optionally transliterates) a batch of documents into new notes.',
    input_schema: {
      type: 'object',
      properties: {
        document_ids: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          maxItems: 100,
          description: 'The documents to normalize',
        },
        form: { type: 'string', enum: ['NFC', 'NFKC'], description: 'The Unicode form (default NFKC)' },
        transliterate: {
          type: 'boolean',
          description: 'Also spell the text in Latin letters (default false)',
        },
      },
      required: ['document_ids'],
    },
    steps: [
      {
        id: 'each',
        kind: 'foreach',
        title: 'Normalize each document',
        items: 'input.document_ids',
        concurrency: 2,
        steps: [
          {
            id: 'read',
            kind: 'tool',
            tool: documentToolNames.read,
            input: { document_id: '{{ item }}' },
          },
          {
            id: 'tidy',
            kind: 'tool',
            needs: ['read'],
            tool: clean,
            input: { text: '{{ steps.read.output.text }}', normalize_whitespace: true },
          },
          {
            id: 'unicode',
            kind: 'tool',
            needs: ['tidy'],
            tool: unicode,
            input: {
              text: '{{ steps.tidy.output.text }}',
              form: '{{ has(input.form) ? input.form : "NFKC" }}',
            },
          },
          {
            id: 'latin',
            kind: 'tool',
            needs: ['unicode'],
            if: 'has(input.transliterate) && input.transliterate',
            tool: transliterate,
            input: { text: '{{ steps.unicode.output.text }}' },
          },
          {
            id: 'language',
            kind: 'tool',
            needs: ['unicode'],
            if: 'steps.unicode.output.text.trim() != ""',
            tool: language,
            input: { text: '{{ steps.unicode.output.text }}', include_confidence: false },
          },
          {
            id: 'save',
            kind: 'tool',
            needs: ['unicode', 'latin', 'language'],
            tool: documentToolNames.createNote,
            input: {
              name: '{{ cel.bind(name, steps.read.output.document.name, (name.size() > 240 ? name.substring(0, 240) : name) + " (normalized)") }}',
              content: finalText,
              mime_type: 'text/plain',
              tags: '{{ ["normalized"] + (has(steps.language) && steps.language.status == "succeeded" && steps.language.output.language != null ? [steps.language.output.language.iso639_1] : []) }}',
            },
          },
        ],
      },
    ],
    output: { documents: '{{ size(input.document_ids) }}' },
    triggers: [{ kind: 'manual' }],
  },
};
