import { describe, expect, it } from 'vitest';
import { checkGrammar } from './check-grammar.js';
import { explainCorrections } from './explain-corrections.js';
import { suggestImprovements } from './suggest-improvements.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const standard = { level: 'standard', style: 'formal', preserveTone: true, dialect: 'en-US' } as const;

describe('checkGrammar', () => {
  it('checks a text holding one enormous run of letters without running out of memory', async () => {
    const text = `Their grammer is fine. ${'x'.repeat(70_000)} The end.`;
    const { issues } = await checkGrammar(text, standard, context);
    expect(issues.some((issue) => issue.text === 'grammer')).toBe(true);
    for (const issue of issues) expect(text.slice(issue.start, issue.end)).toBe(issue.text);
  }, 20_000);

  it('finds each kind of issue at its place and fixes the safe ones', async () => {
    const text =
      'This is is a example of their grammer. The report was written by Anna Kowalski. We will utilize the tool. We don’t know.';
    const { issues, correctedText } = await checkGrammar(text, standard, context);
    const byCategory = (category: string) => issues.filter((issue) => issue.category === category);
    expect(byCategory('repeated_word').map((issue) => issue.text)).toEqual(['is is']);
    expect(byCategory('article').map((issue) => [issue.text, issue.fix])).toEqual([['a', 'an']]);
    expect(byCategory('spelling').map((issue) => [issue.text, issue.fix])).toEqual([['grammer', 'grammar']]);
    expect(byCategory('passive_voice').map((issue) => issue.text)).toEqual(['written']);
    expect(byCategory('wordy_phrase').map((issue) => [issue.text, issue.suggestions])).toEqual([
      ['utilize', ['use']],
    ]);
    expect(byCategory('contraction').map((issue) => issue.suggestions[0])).toEqual(['do not']);
    for (const issue of issues) expect(text.slice(issue.start, issue.end)).toBe(issue.text);
    // Names are not misspellings; wording stays when the tone is preserved.
    expect(byCategory('spelling').some((issue) => issue.text === 'Kowalski')).toBe(false);
    expect(correctedText).toBe(
      'This is an example of their grammar. The report was written by Anna Kowalski. We will utilize the tool. We don’t know.',
    );
  });

  it('also rewords when the tone need not be preserved, and keeps to the basics at basic level', async () => {
    const text = 'We will utilize the tool. We don’t know.';
    const reworded = await checkGrammar(text, { ...standard, preserveTone: false }, context);
    expect(reworded.correctedText).toBe('We will use the tool. We do not know.');
    const basic = await checkGrammar(text, { ...standard, level: 'basic' }, context);
    expect(basic.issues).toEqual([]);
  });

  it('flags a long sentence and spells by the dialect asked for', async () => {
    const long = `The committee, ${'after a long and careful review of every document that was submitted, '.repeat(3)}approved it.`;
    const { issues } = await checkGrammar(long, standard, context);
    expect(issues.some((issue) => issue.category === 'sentence_length')).toBe(true);
    const british = 'The colour of the centre was bright.';
    const us = await checkGrammar(british, standard, context);
    expect(us.issues.filter((issue) => issue.category === 'spelling').map((issue) => issue.text)).toEqual([
      'colour',
      'centre',
    ]);
    const gb = await checkGrammar(british, { ...standard, dialect: 'en-GB' }, context);
    expect(gb.issues.filter((issue) => issue.category === 'spelling')).toEqual([]);
  });
});

describe('explainCorrections', () => {
  it('explains each change of a corrected text', async () => {
    const original = 'This is is a example of thier work, we will utilize it. hello there.';
    const corrected = 'This is an example of their work; we will use it. Hello there.';
    const changes = await explainCorrections(original, corrected, 'en-US', context);
    const reasons = changes.map((change) => [change.original.trim(), change.corrected.trim(), change.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['thier', 'their', 'spelling'],
        ['utilize', 'use', 'wordy_phrase'],
        ['hello', 'Hello', 'capitalization'],
        [',', ';', 'punctuation'],
      ]),
    );
    expect(reasons.some(([, , reason]) => reason === 'repeated_word' || reason === 'article')).toBe(true);
    for (const change of changes)
      expect(original.slice(change.original_start, change.original_start + change.original.length)).toBe(
        change.original,
      );
  });
});

describe('suggestImprovements', () => {
  it('groups advice by area with examples and figures', async () => {
    const text =
      'The decision was made by the board. The plan was drawn up by the team. We will utilize new tools in order to grow. Thier work is good.';
    const result = await suggestImprovements(text, [], 'en-US', context);
    const areas = result.improvements.map((item) => item.area);
    expect(areas[0]).toBe('spelling');
    expect(areas).toEqual(expect.arrayContaining(['clarity', 'conciseness']));
    expect(result.stats).toMatchObject({ sentences: 4, passive_sentences: 2 });
    const clarityOnly = await suggestImprovements(text, ['clarity'], 'en-US', context);
    expect(clarityOnly.improvements.map((item) => item.area)).toEqual(['clarity']);
  });
});
