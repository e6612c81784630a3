import { describe, expect, it } from 'vitest';
import { renderPreview, undeclaredVariables } from './render-template';

const declared = [
  { name: 'topic', required: true },
  { name: 'tone', required: false, default: 'calm', enum: ['calm', 'bold'] },
];

describe('renderPreview', () => {
  it('fills given values and defaults without HTML escaping', () => {
    const preview = renderPreview('Write about {{topic}} in a {{tone}} voice', declared, {
      topic: 'A & <b>',
    });
    expect(preview).toEqual({
      ok: true,
      text: 'Write about A & <b> in a calm voice',
      missing: [],
      outsideEnum: [],
    });
  });

  it('names missing required arguments and values outside the enum, still rendering', () => {
    const preview = renderPreview('{{topic}}|{{#tone}}({{tone}}){{/tone}}', declared, { tone: 'loud' });
    expect(preview).toEqual({ ok: true, text: '|(loud)', missing: ['topic'], outsideEnum: ['tone'] });
  });

  it('reports a template that does not parse', () => {
    expect(renderPreview('{{#topic}} open', declared, {}).ok).toBe(false);
  });
});

describe('undeclaredVariables', () => {
  it('lists names the template uses but does not declare, top-level only', () => {
    expect(
      undeclaredVariables('{{topic}} {{#items}}{{name}}{{/items}} {{{raw}}} {{user.name}}', declared),
    ).toEqual(['items', 'raw', 'user']);
  });
});
