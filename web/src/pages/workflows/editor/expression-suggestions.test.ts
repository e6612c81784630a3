import { describe, expect, it } from 'vitest';
import { expressionSuggestions } from './expression-suggestions';

const document = {
  name: 'review',
  input_schema: { type: 'object', properties: { title: { type: 'string' }, due: { type: 'string' } } },
  steps: [
    { id: 'draft', kind: 'tool', tool: 'add_task', input: {} },
    { id: 'check', kind: 'tool', tool: 'list_tasks', needs: ['draft'], input: {} },
    { id: 'notify', kind: 'tool', tool: 'add_task', needs: ['check'], input: {} },
    { id: 'side', kind: 'sleep', duration_ms: 1 },
  ],
};

describe('expressionSuggestions', () => {
  it('offers the input fields and the steps the step may wait for', () => {
    expect(expressionSuggestions(document, 'check')).toEqual([
      '{{ input.title }}',
      '{{ input.due }}',
      '{{ steps.draft.output }}',
      '{{ steps.side.output }}',
    ]);
  });

  it('leaves out the steps that wait for it, directly or not', () => {
    expect(expressionSuggestions(document, 'draft')).toEqual([
      '{{ input.title }}',
      '{{ input.due }}',
      '{{ steps.side.output }}',
    ]);
  });

  it('offers nothing for a document that is not one yet', () => {
    expect(expressionSuggestions('not json', 'draft')).toEqual([]);
  });
});
