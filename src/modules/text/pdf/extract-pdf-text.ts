import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, PDFDateString, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InvalidInputError } from '../../../errors.js';
import type { ToolContext } from '../../../tools/tool.js';
import { ExtractionLimitError } from '../extraction/limits.js';
import { pagesInRange } from './page-range.js';
import { type PositionedText, pageText } from './page-text.js';

/** pdf.js's own font metrics and character maps, read from the installed package — never fetched. */
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = {
  standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
  cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
  cMapPacked: true,
  wasmUrl: `${path.join(pdfjsRoot, 'wasm')}/`,
};

export interface PdfMetadata {
  title?: string | undefined;
  author?: string | undefined;
  subject?: string | undefined;
  keywords?: string | undefined;
  creator?: string | undefined;
  producer?: string | undefined;
  creation_date?: string | undefined;
  modification_date?: string | undefined;
  pdf_version?: string | undefined;
  language?: string | undefined;
}

export interface ExtractedPdf {
  pageCount: number;
  pages: { page_number: number; text: string }[];
  metadata?: PdfMetadata;
  /** True when extraction stopped at the text limit before the last page asked for. */
  truncated: boolean;
}

/**
 * The text of the asked-for pages of a PDF, page by page, by Mozilla's pdf.js (legacy build, for
 * Node), with the document's metadata when asked. Stops at `textLimit` characters of text (the
 * result says it was truncated), reports progress per page and stops when cancelled. A damaged
 * or password-protected PDF is an INVALID_INPUT naming pdf_content (or password).
 */
export async function extractPdfText(
  data: Uint8Array,
  options: {
    pageRange?: string | undefined;
    includeMetadata: boolean;
    password?: string | undefined;
    textLimit: number;
    /** A document with more pages is refused (EXTRACTION_LIMIT) before any page is read. */
    maxPages?: number | undefined;
  },
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<ExtractedPdf> {
  const task = getDocument({
    // pdf.js takes the buffer over (detaches it); it gets a copy so the caller's stays usable.
    data: data.slice(),
    ...assets,
    ...(options.password === undefined ? {} : { password: options.password }),
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const document = await task.promise.catch((error: unknown) => {
    throw unreadable(error);
  });
  try {
    if (options.maxPages !== undefined && document.numPages > options.maxPages)
      throw new ExtractionLimitError('pages', options.maxPages);
    const numbers = pagesInRange(options.pageRange, document.numPages);
    const pages: ExtractedPdf['pages'] = [];
    let characters = 0;
    let truncated = false;
    for (const [index, number] of numbers.entries()) {
      context.signal.throwIfAborted();
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = pageText(
        content.items.filter((item): item is PositionedText & typeof item => 'str' in item),
      );
      page.cleanup();
      if (characters + text.length > options.textLimit) {
        truncated = true;
        break;
      }
      characters += text.length;
      pages.push({ page_number: number, text });
      await context.progress(index + 1, numbers.length, `Page ${number}`);
    }
    return {
      pageCount: document.numPages,
      pages,
      truncated,
      ...(options.includeMetadata ? { metadata: await metadataOf(document) } : {}),
    };
  } finally {
    await task.destroy();
  }
}

async function metadataOf(
  document: Awaited<ReturnType<typeof getDocument>['promise']>,
): Promise<PdfMetadata> {
  const info = (await document.getMetadata()).info as Record<string, unknown>;
  const text = (key: string) =>
    typeof info[key] === 'string' && info[key] !== '' ? (info[key] as string) : undefined;
  const date = (key: string) => {
    const value = text(key);
    return value ? PDFDateString.toDateObject(value)?.toISOString() : undefined;
  };
  return {
    title: text('Title'),
    author: text('Author'),
    subject: text('Subject'),
    keywords: text('Keywords'),
    creator: text('Creator'),
    producer: text('Producer'),
    creation_date: date('CreationDate'),
    modification_date: date('ModDate'),
    pdf_version: text('PDFFormatVersion'),
    language: text('Language'),
  };
}

function unreadable(error: unknown): InvalidInputError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException')
    return new InvalidInputError('The PDF is protected by a password; give the right one in password', {
      field: 'password',
      cause: error,
    });
  return new InvalidInputError('pdf_content is not a readable PDF', { field: 'pdf_content', cause: error });
}
