import { describe, expect, it } from 'vitest';
import { splitIntoChunks } from './text-chunks.js';

describe('splitIntoChunks', () => {
  it('covers the text exactly, in pieces near the size, cut at paragraphs, sentences or spaces', () => {
    const paragraph = 'One sentence here. Another one there! '.repeat(40);
    const oneLongSentence = 'word '.repeat(1500);
    const text = `${paragraph}\n\n${oneLongSentence}\n\nShort end.`;
    const chunks = splitIntoChunks(text, 500);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
    for (const chunk of chunks) {
      expect(text.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text);
      expect(chunk.text.length).toBeLessThanOrEqual(1000);
    }
  });
});
