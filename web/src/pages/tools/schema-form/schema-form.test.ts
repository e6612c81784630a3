import { describe, expect, it } from 'vitest';
import { buildBody, initialValues } from './form-body';
import { describeFields, type JsonSchema } from './schema-fields';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    text: { type: 'string', description: 'The text to work on' },
    title: { type: 'string', maxLength: 255 },
    style: { type: 'string', enum: ['news', 'question'], default: 'news' },
    exact: { type: 'boolean', default: true },
    count: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    labels: { type: 'array', items: { type: 'string' } },
    metrics: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, default: ['a'] },
    patterns: {
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { type: 'object', properties: { name: { type: 'string' } } }] },
    },
    range: { type: 'object', properties: { start: { type: 'integer' } } },
    note: { anyOf: [{ type: 'string', maxLength: 10000 }, { type: 'null' }], description: 'null clears it' },
    spaces: { anyOf: [{ type: 'boolean' }, { type: 'string' }] },
    pdf_content: { type: 'string', description: 'The PDF file, base64-encoded' },
  },
  required: ['text', 'title'],
};

describe('describeFields', () => {
  const fields = describeFields(schema);
  const byName = Object.fromEntries(fields.map((field) => [field.name, field]));

  it('picks one control per schema type', () => {
    expect(fields.map((field) => [field.name, field.kind])).toEqual([
      ['text', 'textarea'],
      ['title', 'text'],
      ['style', 'select'],
      ['exact', 'checkbox'],
      ['count', 'number'],
      ['ratio', 'number'],
      ['labels', 'lines'],
      ['metrics', 'choices'],
      ['patterns', 'json'],
      ['range', 'json'],
      ['note', 'textarea'],
      ['spaces', 'text'],
      ['pdf_content', 'file'],
    ]);
  });

  it('marks required fields, keeps hints and limits, and fills defaults', () => {
    expect(byName.text).toMatchObject({ required: true, label: 'Text', hint: 'The text to work on' });
    expect(byName.style).toMatchObject({ required: false, options: ['news', 'question'], initial: 'news' });
    expect(byName.count).toMatchObject({ integer: true, min: 1, max: 10, initial: '3' });
    expect(byName.note?.hint).toBe('null clears it');
    expect(initialValues(fields)).toMatchObject({ exact: true, metrics: ['a'], labels: '' });
  });
});

describe('buildBody', () => {
  const fields = describeFields(schema);

  it('converts values to their types and leaves out empty optional fields', () => {
    const result = buildBody(fields, {
      ...initialValues(fields),
      text: 'Hello',
      title: 'A title',
      count: '4',
      labels: 'one\n\n two \n',
      patterns: '["x", {"name": "y"}]',
      spaces: 'true',
    });
    expect(result).toEqual({
      ok: true,
      body: {
        text: 'Hello',
        title: 'A title',
        style: 'news',
        exact: true,
        count: 4,
        labels: ['one', 'two'],
        metrics: ['a'],
        patterns: ['x', { name: 'y' }],
        spaces: true,
      },
    });
  });

  it('names the fields that are missing or do not parse', () => {
    const result = buildBody(fields, { ...initialValues(fields), count: '2.5', range: '[1]', patterns: '{' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['count', 'patterns', 'range', 'text', 'title']);
    expect(result.errors.text).toBe('Required');
  });
});
