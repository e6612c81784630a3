import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../scripts/ascii-only.js';

describe('the bundle is written in ASCII (V8 keeps a module source in one byte a character only then)', () => {
  const source = [
    '/** A comment — with a dash → and an arrow. */',
    'export const quoted = /^(["“‘«])(.+)(["”’»])$/u;',
    'export const laugh = /^(?:lol|😄|😂)$/i;',
    'export const dash = new RegExp(String.raw`\\s*[:\\-–—]\\s*`);',
    'export const escapedDash = /a\\—b/;',
    "export const doubled = '\\\\—';",
    "export const cooked = ((strings) => strings.join('|'))`StartSel=«, StopSel=»`;",
  ].join('\n');

  it('escapes every character past ASCII', () => {
    expect(asciiOnly(source)).not.toMatch(/[\u0080-\uffff]/);
  });

  it('leaves comments, regular expressions and tagged templates meaning the same', async () => {
    const load = (text: string) =>
      import(`data:text/javascript,${encodeURIComponent(text)}`) as Promise<Record<string, unknown>>;
    const [before, after] = await Promise.all([load(source), load(asciiOnly(source))]);
    for (const name of ['quoted', 'laugh', 'dash', 'escapedDash'] as const) {
      const [was, is] = [before[name] as RegExp, after[name] as RegExp];
      for (const text of [
        '“quoted”',
        '«x»',
        '"x"',
        'lol',
        '😄',
        '😂',
        'a — b',
        'a—b',
        'au2014b',
        ' : ',
        'no',
      ])
        expect(is.test(text), `${name} on ${text}`).toBe(was.test(text));
    }
    expect(after.cooked).toBe('StartSel=«, StopSel=»');
    expect(after.doubled).toBe('\\—');
  });
});
