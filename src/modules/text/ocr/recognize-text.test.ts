import { describe, expect, it } from 'vitest';
import { renderTextImage } from '../../../../test/text/render-text-image.js';
import { decodeImageContent } from './image-content.js';
import { recognizeText } from './recognize-text.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);

describe('recognizeText', () => {
  it('reads printed lines with their boxes, offline', async () => {
    const lines = ['Invoice number 2024 for Acme Corporation', 'Total due by the end of May'];
    const image = await renderTextImage(lines);
    const progress: number[] = [];
    const result = await recognizeText(image, {
      ...context,
      progress: async (done) => void progress.push(done),
    });
    expect(words(result.text)).toEqual(words(lines.join(' ')));
    expect(result.lines.map((line) => line.text)).toEqual(lines);
    expect(result.confidence).toBeGreaterThan(0.8);
    expect(result.lines[0]?.bbox.y1).toBeLessThan(result.lines[1]?.bbox.y0 ?? 0);
    expect(progress.at(-1)).toBe(100);
  }, 30_000);

  it('refuses what is not an image, naming the field', async () => {
    await expect(
      decodeImageContent(Buffer.from('%PDF-1.7 nope').toString('base64'), 10_000),
    ).rejects.toMatchObject({
      field: 'image_content',
    });
    await expect(decodeImageContent('***', 10_000)).rejects.toMatchObject({ field: 'image_content' });
  });
});
