import { documentToolNames } from '../../resources/tool-names.js';
import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const tool = (name: TextToolName) => name;

/**
 * Writing assistance as a pipeline: each text's grammar and spelling checked (with a corrected
 * text), style advice, its tone, and a rewrite in a neutral tone when a model is configured
 * (offline the rewrite is left out and the words that pull against the tone are named). Each
 * result is saved as a note; a report lists the items.
 */
export const writingAssistance: WorkflowTemplate = {
  id: 'writing-assistance',
  title: 'Writing assistance (pipeline)',
  description:
    'A pipeline over documents or texts: grammar and spelling (a corrected text), style advice, tone, and a rewrite when a model is configured; each saved as a note, with a report.',
  definition: {
    name: 'writing-assistance',
    kind: 'pipeline',
    description: 'Grammar, style, tone and a rewrite of each text, saved as notes; a report.',
    input_schema: {
      type: 'object',
      properties: {
        tone: {
          type: 'string',
          enum: ['positive', 'neutral', 'negative'],
          description: 'The tone of the rewrite (default neutral)',
        },
      },
    },
    pipeline: {
      concurrency: 4,
      report: {
        title: 'Writing review {{ run.started_at }}',
        tags: ['report', 'writing'],
        columns: {
          note: '{{ steps.save.output.document.name }}',
          issues: '{{ size(steps.grammar.output.issues) }}',
          advice: '{{ size(steps.style.output.improvements) }}',
          tone: '{{ steps.tone.output.label }}',
          rewritten: '{{ steps.rewrite.output.transformed_text != null }}',
        },
      },
    },
    steps: [
      {
        id: 'grammar',
        kind: 'tool',
        tool: tool('check_grammar'),
        cache: true,
        input: { text: '{{ item.text }}' },
      },
      {
        id: 'style',
        kind: 'tool',
        tool: tool('suggest_improvements'),
        cache: true,
        input: { text: '{{ item.text }}' },
      },
      {
        id: 'tone',
        kind: 'tool',
        tool: tool('analyze_sentiment'),
        cache: true,
        input: { text: '{{ item.text }}' },
      },
      {
        id: 'rewrite',
        kind: 'tool',
        tool: tool('transform_sentiment'),
        input: {
          text: '{{ steps.grammar.output.corrected_text }}',
          target_sentiment: '{{ has(input.tone) ? input.tone : "neutral" }}',
        },
      },
      {
        id: 'save',
        kind: 'tool',
        tool: documentToolNames.createNote,
        input: {
          name: '{{ (has(item.name) ? item.name : "Text " + string(item.index + 1)) + " (reviewed)" }}',
          content:
            '{{ "## Corrected\\n\\n" + steps.grammar.output.corrected_text + (steps.rewrite.output.transformed_text != null ? "\\n\\n## Rewritten\\n\\n" + steps.rewrite.output.transformed_text : "") + "\\n\\n## Advice\\n\\n" + steps.style.output.improvements.map(i, "- " + i.advice).join("\\n") + "\\n\\nTone: " + steps.tone.output.label }}',
          tags: ['reviewed'],
        },
      },
    ],
    triggers: [{ kind: 'manual' }],
  },
};
