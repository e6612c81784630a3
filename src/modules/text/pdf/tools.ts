import { defineTool, type Tool } from '../../../tools/tool.js';
import { readablePreview } from '../readable-preview.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import { decodePdfContent, pdfSizeFactor } from './pdf-content.js';
import { extractPdfTextInputSchema, extractPdfTextOutputSchema } from './schema.js';

/** The PDF toolset: text and metadata out of a PDF, offline. */
export function pdfTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'extract_pdf_text',
      title: 'Extract text from a PDF',
      description:
        'Extracts the text of a PDF (base64) page by page, for all pages or a range such as "1-3, 5", with the document’s metadata (title, author, dates). Scanned pages without a text layer come back empty.',
      input: extractPdfTextInputSchema,
      output: extractPdfTextOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        const data = decodePdfContent(input.pdf_content, deps.textLimit * pdfSizeFactor);
        // pdf.js loads on the first call (a tenth of a second that every start would pay).
        const { extractPdfText } = await import('./extract-pdf-text.js');
        const result = await extractPdfText(
          data,
          {
            pageRange:
              typeof input.page_range === 'object'
                ? `${input.page_range.start}-${input.page_range.end ?? ''}`
                : input.page_range,
            includeMetadata: input.include_metadata,
            password: input.password,
            textLimit: deps.textLimit,
          },
          context,
        );
        return {
          page_count: result.pageCount,
          pages: result.pages,
          text: result.pages.map((page) => page.text).join('\n\n'),
          ...(result.metadata ? { metadata: result.metadata } : {}),
          truncated: result.truncated,
          method: 'offline:pdf.js',
        };
      },
      summarize: ({ page_count, pages, metadata, truncated }) => {
        const about = `${pages.length} of ${page_count} pages${metadata?.title ? ` of “${metadata.title}”` : ''}`;
        const text = pages.map((page) => `[page ${page.page_number}]\n${page.text}`).join('\n\n');
        return `${about}${truncated ? ' (stopped at the text limit)' : ''}.\n\n${readablePreview(text)}`;
      },
    }),
  ];
}
