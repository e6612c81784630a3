import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const tool = (name: TextToolName) => name;

/**
 * Data cleaning as a pipeline over the rows of a CSV or JSON document (or texts): each row's
 * whitespace and Unicode normalized, diacritics removed, personal data anonymized; rows missing a
 * required field fail (and are listed); the cleaned rows, duplicates removed, saved as a CSV note.
 * The tools work on the row as JSON text, so every field is cleaned in one call per tool.
 */
export const cleanData: WorkflowTemplate = {
  id: 'clean-data',
  title: 'Clean data (pipeline)',
  description:
    'A pipeline over the rows of a CSV or JSON document: normalizes whitespace and Unicode, removes diacritics, anonymizes personal data, fails rows missing a required field, and saves the cleaned rows (duplicates removed) as a CSV note.',
  definition: {
    name: 'clean-data',
    kind: 'pipeline',
    description: 'Cleans the rows of a CSV/JSON document into a new CSV note.',
    input_schema: {
      type: 'object',
      properties: {
        required_fields: {
          type: 'array',
          items: { type: 'string' },
          description: 'Rows missing one of these (or with it empty) fail',
        },
      },
    },
    pipeline: {
      concurrency: 4,
      report: {
        title: 'Cleaned data {{ run.started_at }}.csv',
        tags: ['cleaned'],
        format: 'csv',
        row: '{{ steps.pii.output.anonymized_text }}',
        dedupe: true,
        required: '{{ has(input.required_fields) ? input.required_fields : [] }}',
      },
    },
    steps: [
      {
        id: 'whitespace',
        kind: 'tool',
        tool: tool('clean_text'),
        cache: true,
        input: { text: '{{ item.json }}', normalize_whitespace: true },
      },
      {
        id: 'unicode',
        kind: 'tool',
        tool: tool('normalize_unicode'),
        cache: true,
        input: { text: '{{ steps.whitespace.output.text }}', form: 'NFKC' },
      },
      {
        id: 'diacritics',
        kind: 'tool',
        tool: tool('remove_diacritics'),
        cache: true,
        input: { text: '{{ steps.unicode.output.text }}' },
      },
      {
        id: 'pii',
        kind: 'tool',
        tool: tool('anonymize_text'),
        cache: true,
        input: {
          text: '{{ steps.diacritics.output.text }}',
          detection_types: ['email', 'phone', 'credit_card', 'iban', 'ip_address'],
        },
      },
    ],
    triggers: [{ kind: 'manual' }],
  },
};
