import { describe, expect, it } from 'vitest';
import { buildBody } from '../../tools/schema-form/form-body';
import { describeFields } from '../../tools/schema-form/schema-fields';
import { stepById, stepFields, stepFieldValues, withStepInput } from './step-input';

const schema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    limit: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    urgent: { type: 'boolean' },
  },
  required: ['title'],
};

describe("a step's input in the tool's form", () => {
  it('fills the form from the input, an expression in a number field as text, and builds it back', () => {
    const input = { title: '{{ input.topic }}', limit: '{{ input.count }}', tags: ['a', 'b'], urgent: true };
    const fields = stepFields(describeFields(schema), input);
    expect(fields.find((field) => field.name === 'limit')?.kind).toBe('text');
    const values = stepFieldValues(fields, input);
    expect(values).toMatchObject({ title: '{{ input.topic }}', limit: '{{ input.count }}', urgent: true });
    expect(buildBody(fields, values)).toEqual({ ok: true, body: input });
  });

  it('replaces the input of a step however deep, leaving the rest as it was', () => {
    const document = {
      name: 'w',
      steps: [
        { id: 'a', kind: 'tool', input: {} },
        { id: 'c', kind: 'condition', then: [{ id: 'd', kind: 'tool', input: { x: 1 } }], else: [] },
        { id: 'p', kind: 'parallel', branches: [[{ id: 'e', kind: 'tool', input: {} }]] },
      ],
    };
    const changed = withStepInput(document, 'd', { x: 2 });
    expect(stepById(changed, 'd')).toEqual({ id: 'd', kind: 'tool', input: { x: 2 } });
    expect(stepById(changed, 'a')).toEqual(document.steps[0]);
    expect(stepById(withStepInput(document, 'e', { y: 1 }), 'e')?.input).toEqual({ y: 1 });
    expect(stepById(document, 'd')?.input).toEqual({ x: 1 });
  });
});
