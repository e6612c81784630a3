import { documentToolNames } from '../../resources/tool-names.js';
import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const tool = (name: TextToolName) => name;

/**
 * Document processing as a pipeline: each document's text (its extracted text: a PDF's text layer
 * or an image's OCR, made when it was uploaded) cleaned, its language detected, summarized, its
 * entities and key terms found, and saved as a new note tagged with its language and key terms
 * (notes are indexed for search as they are saved). A report note lists every document.
 */
export const processDocuments: WorkflowTemplate = {
  id: 'process-documents',
  title: 'Process documents (pipeline)',
  description:
    'A pipeline over documents (by ids, a search, a tag): cleans each text, detects its language, summarizes it, finds people, places and organizations and key terms, saves a processed note tagged with the language and key terms, and writes a report note.',
  definition: {
    name: 'process-documents',
    kind: 'pipeline',
    description: 'Cleans, summarizes, tags and indexes each document; a report at the end.',
    pipeline: {
      concurrency: 4,
      report: {
        title: 'Processed documents {{ run.started_at }}',
        tags: ['report', 'processed'],
        columns: {
          document: '{{ steps.save.output.document.name }}',
          language:
            '{{ steps.language.output.language != null ? steps.language.output.language.iso639_1 : "" }}',
          entities: '{{ size(steps.entities.output.findings) }}',
          summary: '{{ steps.summary.output.summary }}',
        },
      },
    },
    steps: [
      {
        id: 'clean',
        kind: 'tool',
        tool: tool('clean_text'),
        cache: true,
        input: { text: '{{ item.text }}', normalize_whitespace: true },
      },
      {
        id: 'language',
        kind: 'tool',
        tool: tool('detect_language'),
        cache: true,
        input: { text: '{{ steps.clean.output.text }}', include_confidence: false },
      },
      {
        id: 'summary',
        kind: 'tool',
        tool: tool('summarize_text'),
        cache: true,
        input: { text: '{{ steps.clean.output.text }}' },
      },
      {
        id: 'entities',
        kind: 'tool',
        tool: tool('detect_sensitive_info'),
        cache: true,
        input: {
          text: '{{ steps.clean.output.text }}',
          detection_types: ['person', 'place', 'organization'],
        },
      },
      {
        id: 'terms',
        kind: 'tool',
        tool: tool('word_frequency_analysis'),
        cache: true,
        input: { text: '{{ steps.clean.output.text }}', top_n: 3 },
      },
      {
        id: 'save',
        kind: 'tool',
        tool: documentToolNames.createNote,
        input: {
          name: '{{ (has(item.name) ? item.name : "Text " + string(item.index + 1)) + " (processed)" }}',
          content:
            '{{ "## Summary\\n\\n" + steps.summary.output.summary + "\\n\\n## Entities\\n\\n" + steps.entities.output.findings.map(f, "- " + f.type + ": " + f.value).join("\\n") + "\\n\\n## Text\\n\\n" + steps.clean.output.text }}',
          tags: '{{ ["processed"] + (steps.language.output.language != null ? [steps.language.output.language.iso639_1] : []) + steps.terms.output.items.map(w, w.word) }}',
        },
      },
    ],
    triggers: [{ kind: 'manual' }],
  },
};
