import { createCanvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makePdf } from './make-pdf.js';

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * A PNG of printed lines, made here for OCR tests: the lines are typeset in a PDF (pdf-lib) and
 * the page rendered by pdf.js onto a @napi-rs/canvas, with pdf.js's bundled fonts.
 */
export async function renderTextImage(lines: string[], scale = 2): Promise<Buffer> {
  const pdf = await makePdf({ pages: [lines] });
  const document = await getDocument({
    data: pdf,
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
    verbosity: 0,
  }).promise;
  try {
    const page = await document.getPage(1);
    const viewport = page.getViewport({ scale });
    const height = Math.ceil(60 * scale + lines.length * 18 * scale);
    const canvas = createCanvas(Math.ceil(viewport.width), height);
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the same drawing API.
    const parameters = { canvasContext: context, viewport, canvas } as unknown as Parameters<
      typeof page.render
    >[0];
    await page.render(parameters).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}
