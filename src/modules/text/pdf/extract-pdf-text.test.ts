import { describe, expect, it } from 'vitest';
import { makePdf } from '../../../../test/text/make-pdf.js';
import { extractPdfText } from './extract-pdf-text.js';
import { decodePdfContent } from './pdf-content.js';

const context = { signal: new AbortController().signal, progress: async () => {} };
const pages = [
  ['Quarterly report', 'Revenue grew by twelve percent.'],
  ['Costs fell in every region.', 'Two new offices opened.'],
  ['Outlook for next year is stable.'],
];

describe('extractPdfText', async () => {
  const pdf = await makePdf({ pages, title: 'Q2 report', author: 'Finance team' });

  it('gives each page’s text in order, lines kept, with the metadata', async () => {
    const progress: number[] = [];
    const result = await extractPdfText(
      pdf,
      { includeMetadata: true, textLimit: 1_000_000 },
      { ...context, progress: async (done) => void progress.push(done) },
    );
    expect(result.pageCount).toBe(3);
    expect(result.pages).toEqual(
      pages.map((lines, index) => ({ page_number: index + 1, text: lines.join('\n') })),
    );
    expect(result.metadata).toMatchObject({
      title: 'Q2 report',
      author: 'Finance team',
      creation_date: '2024-05-01T12:00:00.000Z',
    });
    expect(progress).toEqual([1, 2, 3]);
    expect(result.truncated).toBe(false);
  });

  it('keeps to the page range and stops at the text limit', async () => {
    const range = await extractPdfText(
      pdf,
      { pageRange: '2-', includeMetadata: false, textLimit: 1_000_000 },
      context,
    );
    expect(range.pages.map((page) => page.page_number)).toEqual([2, 3]);
    expect(range.metadata).toBeUndefined();
    const limited = await extractPdfText(pdf, { includeMetadata: false, textLimit: 60 }, context);
    expect(limited.pages.map((page) => page.page_number)).toEqual([1]);
    expect(limited.truncated).toBe(true);
    await expect(
      extractPdfText(pdf, { pageRange: '4', includeMetadata: false, textLimit: 100 }, context),
    ).rejects.toMatchObject({
      field: 'page_range',
    });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      extractPdfText(
        pdf,
        { includeMetadata: false, textLimit: 1000 },
        { ...context, signal: controller.signal },
      ),
    ).rejects.toThrow();
  });

  it('refuses what is not a PDF, a broken PDF and one over the size limit', async () => {
    expect(() => decodePdfContent('not base64!', 1000)).toThrow(
      expect.objectContaining({ field: 'pdf_content' }),
    );
    expect(() => decodePdfContent(Buffer.from('hello').toString('base64'), 1000)).toThrow(/not a PDF/);
    expect(() => decodePdfContent(Buffer.from(pdf).toString('base64'), 100)).toThrow(/limit/);
    const broken = decodePdfContent(
      Buffer.from('%PDF-1.7\nthis is not really a pdf').toString('base64'),
      1000,
    );
    await expect(
      extractPdfText(broken, { includeMetadata: false, textLimit: 1000 }, context),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'pdf_content',
    });
  });
});
