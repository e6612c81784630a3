import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

describe('splitSentences', () => {
  it('keeps abbreviations inside their sentence and gives offsets into the text', () => {
    const text =
      'Dr. Smith met Ms. Jones at 5 p.m. yesterday. They agreed, e.g. on the budget!\n\nNext steps follow? Yes.';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Dr. Smith met Ms. Jones at 5 p.m. yesterday.',
      'They agreed, e.g. on the budget!',
      'Next steps follow?',
      'Yes.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('gives exact offsets in a long text cut into chunks, with characters outside the BMP', () => {
    const paragraph =
      'The river rose 😀 after three days of rain. Farmers moved their animals to higher ground.';
    const text = Array.from({ length: 200 }, (_, index) => `${paragraph} Note ${index}.`).join(' ');
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(600);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
