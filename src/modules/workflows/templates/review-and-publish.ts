import { documentToolNames } from '../../resources/tool-names.js';
import type { TextToolName } from '../../text/tool-names.js';
import type { WorkflowTemplate } from './template.js';

const summarize: TextToolName = 'summarize_text';

/**
 * A document is shown to its owner with a summary; only once they approve is it published to
 * every user, as a shared note (a copy: the original keeps its visibility). A refusal ends the run
 * without publishing; the condition records the branch taken.
 */
export const reviewAndPublish: WorkflowTemplate = {
  id: 'review-and-publish',
  title: 'Review a document, then publish it',
  description:
    'Reads a document and summarizes it, then waits for your approval (with an optional line to put above it); approved, it is published to every user as a shared note tagged "published"; refused, nothing is published.',
  definition: {
    name: 'review-and-publish',
    description: 'Asks for approval before publishing a document to everyone as a shared note.',
    input_schema: {
      type: 'object',
      properties: { document_id: { type: 'string', minLength: 1, description: 'The document to publish' } },
      required: ['document_id'],
    },
    steps: [
      {
        id: 'read',
        kind: 'tool',
        title: 'Read the document',
        tool: documentToolNames.read,
        input: { document_id: '{{ input.document_id }}' },
      },
      {
        id: 'summary',
        kind: 'tool',
        title: 'Summarize it for the reviewer',
        needs: ['read'],
        tool: summarize,
        input: { text: '{{ steps.read.output.text }}', length: 'short' },
      },
      {
        id: 'review',
        kind: 'approval',
        title: 'Approve publishing',
        needs: ['summary'],
        message:
          'Publish “{{ steps.read.output.document.name }}” to every user as a shared note?\n\nSummary: {{ steps.summary.output.summary == "" ? "(no text to summarize)" : steps.summary.output.summary }}',
        fields: {
          type: 'object',
          properties: {
            preface: {
              type: 'string',
              maxLength: 2000,
              description: 'A line to put above the published text',
            },
          },
        },
        timeout_ms: 7 * 24 * 3_600_000,
      },
      {
        id: 'decision',
        kind: 'condition',
        title: 'Publish only if approved',
        needs: ['review'],
        condition: 'steps.review.output.approved',
        then: [
          {
            id: 'publish',
            kind: 'tool',
            title: 'Publish it as a shared note',
            tool: documentToolNames.createNote,
            input: {
              name: '{{ steps.read.output.document.name }}',
              content:
                '{{ (steps.review.output.values != null && has(steps.review.output.values.preface) ? steps.review.output.values.preface + "\\n\\n" : "") + steps.read.output.text }}',
              tags: '{{ cel.bind(kept, steps.read.output.document.tags.filter(tag, tag != "published"), size(kept) >= 20 ? kept : kept + ["published"]) }}',
              visibility: 'shared',
            },
          },
        ],
        else: [],
      },
    ],
    output: {
      approved: '{{ steps.review.output.approved }}',
      comment: '{{ steps.review.output.comment }}',
    },
    triggers: [{ kind: 'manual' }],
  },
};
