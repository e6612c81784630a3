import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const tool = (name: TextToolName) => name;

/**
 * Content analysis as a pipeline: for each item its sentiment, readability, keywords, entities and
 * language, every step cached (a second run over unchanged texts calls no tool); a report note with
 * one row per item.
 */
export const analyzeContent: WorkflowTemplate = {
  id: 'analyze-content',
  title: 'Analyze content (pipeline)',
  description:
    'A pipeline over documents or texts: sentiment, readability, keywords, entities and language of each, cached, with a report note (a table with a row per item).',
  definition: {
    name: 'analyze-content',
    kind: 'pipeline',
    description: 'Sentiment, readability, keywords, entities and language of each item; a report note.',
    pipeline: {
      concurrency: 4,
      report: {
        title: 'Content analysis {{ run.started_at }}',
        tags: ['report', 'analysis'],
        columns: {
          language:
            '{{ steps.language.output.language != null ? steps.language.output.language.iso639_1 : "" }}',
          sentiment: '{{ steps.sentiment.output.label }}',
          score: '{{ steps.sentiment.output.score }}',
          reading_ease: '{{ steps.readability.output.scores.flesch_reading_ease }}',
          keywords: '{{ steps.keywords.output.items.map(w, w.word).join(", ") }}',
          entities: '{{ size(steps.entities.output.findings) }}',
        },
      },
    },
    steps: [
      {
        id: 'sentiment',
        kind: 'tool',
        tool: tool('analyze_sentiment'),
        cache: true,
        input: { text: '{{ item.text }}' },
      },
      {
        id: 'readability',
        kind: 'tool',
        tool: tool('analyze_readability'),
        cache: true,
        input: { text: '{{ item.text }}' },
      },
      {
        id: 'keywords',
        kind: 'tool',
        tool: tool('word_frequency_analysis'),
        cache: true,
        input: { text: '{{ item.text }}', top_n: 5 },
      },
      {
        id: 'entities',
        kind: 'tool',
        tool: tool('detect_sensitive_info'),
        cache: true,
        input: { text: '{{ item.text }}', detection_types: ['person', 'place', 'organization'] },
      },
      {
        id: 'language',
        kind: 'tool',
        tool: tool('detect_language'),
        cache: true,
        input: { text: '{{ item.text }}', include_confidence: false },
      },
    ],
    triggers: [{ kind: 'manual' }],
  },
};
