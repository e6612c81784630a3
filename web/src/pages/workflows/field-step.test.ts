import { describe, expect, it } from 'vitest';
import { stepAtField } from './field-step';

const definition = {
  steps: [
    { id: 'fetch', kind: 'tool', tool: 'fetch_url', input: {} },
    {
      id: 'review',
      kind: 'condition',
      condition: 'true',
      then: [{ id: 'publish', kind: 'tool', tool: 'x', input: {} }],
      else: [],
    },
    {
      id: 'fan',
      kind: 'parallel',
      branches: [[{ id: 'mail', kind: 'sleep' }], [{ id: 'note', kind: 'sleep' }]],
    },
    { id: 'each', kind: 'foreach', items: 'input.docs', steps: [{ id: 'clean', kind: 'tool', input: {} }] },
  ],
};

describe("a validation error's field on the graph", () => {
  it('names the node of the step the field is in, however deep', () => {
    expect(stepAtField(definition, 'steps[0].input.url')).toBe('fetch');
    expect(stepAtField(definition, 'steps[1].condition')).toBe('review');
    expect(stepAtField(definition, 'steps[1].then[0].input.text')).toBe('review.then.publish');
    expect(stepAtField(definition, 'steps[2].branches[1][0].needs[0]')).toBe('fan[1].note');
    expect(stepAtField(definition, 'steps[3].steps[0].tool')).toBe('each.clean');
  });

  it('names none for a field outside the steps, or past their end', () => {
    expect(stepAtField(definition, 'name')).toBeUndefined();
    expect(stepAtField(definition, 'input_schema.properties')).toBeUndefined();
    expect(stepAtField(definition, 'steps[9].input')).toBeUndefined();
    expect(stepAtField(definition, undefined)).toBeUndefined();
  });
});
