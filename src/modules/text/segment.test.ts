import { describe, expect, it } from 'vitest';
import { splitIntoBlocks, splitSentences, splitWords } from './segment.js';

describe('splitIntoBlocks', () => {
  it('tiles the text with blocks no longer than asked, ending at a paragraph break where there is one', () => {
    const text = `${'First paragraph words. '.repeat(3)}\n\n${'Second one here. '.repeat(3)}`;
    const blocks = splitIntoBlocks(text, 90);
    expect(blocks.map((block) => block.text).join('')).toBe(text);
    expect(blocks.every((block) => block.text.length <= 90)).toBe(true);
    expect(blocks[0]?.text.endsWith('\n\n')).toBe(true);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = '😀'.repeat(10);
    for (const block of splitIntoBlocks(text, 5)) expect(block.text).toMatch(/^(?:😀)+$/u);
  });
});

describe('splitSentences', () => {
  it('does not end a sentence at an abbreviation, and gives each sentence its place in the text', async () => {
    const text = 'Mr. Smith arrived at 3 p.m. on Friday!  Did he?\n\nThe U.S. is big.';
    const sentences = await splitSentences(text, { language: 'en' });
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Mr. Smith arrived at 3 p.m. on Friday!',
      'Did he?',
      'The U.S. is big.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('reads the abbreviations of the text’s language, and of all eight for another language', async () => {
    const sentences = async (text: string, language: string) =>
      (await splitSentences(text, { language })).map((sentence) => sentence.text);
    expect(await sentences('Wir kaufen z. B. Äpfel. Dann gehen wir.', 'de')).toEqual([
      'Wir kaufen z. B. Äpfel.',
      'Dann gehen wir.',
    ]);
    expect(await sentences('Voir M. Dupont. Il part.', 'fr')).toEqual(['Voir M. Dupont.', 'Il part.']);
    expect(await sentences('Dr. Who came. He left.', 'en')).toEqual(['Dr. Who came.', 'He left.']);
    // "Hrn." is German: English splits after it, an unknown language reads every list.
    expect(await sentences('Ich sah Hrn. Meier. Er ging.', 'en')).toEqual([
      'Ich sah Hrn.',
      'Meier.',
      'Er ging.',
    ]);
    expect(await sentences('Ich sah Hrn. Meier. Er ging.', 'und')).toEqual([
      'Ich sah Hrn. Meier.',
      'Er ging.',
    ]);
  });

  it('keeps every sentence whole in a long text of several-byte characters', async () => {
    const sentence = 'Каждое утро перед работой она гуляла вдоль реки и слушала пение птиц на деревьях.';
    const text = Array.from({ length: 400 }, () => sentence).join(' ');
    const sentences = await splitSentences(text, { language: 'ru' });
    expect(sentences).toHaveLength(400);
    expect(sentences.every((found) => found.text === sentence)).toBe(true);
  });

  it('finishes on text with a lone surrogate, which the splitter cannot read (it looped forever)', async () => {
    const sentences = await splitSentences('Hello there. \ud800 Bye.', { language: 'en' });
    expect(sentences.map((sentence) => sentence.text).join(' ')).toContain('Bye.');
  });
});

describe('splitWords', () => {
  it('keeps contractions and numbers whole and drops punctuation', () => {
    expect(splitWords("Don't stop — it's 3.5 km, e-mail me!", 'en')).toEqual([
      "Don't",
      'stop',
      "it's",
      '3.5',
      'km',
      'e',
      'mail',
      'me',
    ]);
  });

  it('finds Chinese words without spaces, by dictionary', () => {
    expect(splitWords('我们的邻居', 'zh')).toEqual(['我们', '的', '邻居']);
  });

  it('reads a long text in pieces and loses no word', () => {
    const text = 'alpha beta gamma delta '.repeat(2_000);
    expect(splitWords(text)).toHaveLength(8_000);
  });
});
