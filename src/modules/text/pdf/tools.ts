import type { UserActor } from '../../../actor.js';
import { InvalidInputError } from '../../../errors.js';
import { defineTool, type Tool } from '../../../tools/tool.js';
import { readablePreview } from '../readable-preview.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import { decodePdfContent, pdfSizeFactor } from './pdf-content.js';
import { extractPdfTextInputSchema, extractPdfTextOutputSchema } from './schema.js';

/** The PDF's bytes: given inline as base64, or read from the user's documents. */
async function pdfBytes(
  actor: UserActor,
  input: { pdf_content?: string | undefined; resource_id?: string | undefined },
  deps: TextToolDeps,
): Promise<Uint8Array> {
  if ((input.pdf_content === undefined) === (input.resource_id === undefined))
    throw new InvalidInputError('Give pdf_content or resource_id (one of them)', { field: 'pdf_content' });
  if (input.pdf_content !== undefined)
    return decodePdfContent(input.pdf_content, deps.textLimit * pdfSizeFactor);
  if (!deps.readDocument)
    throw new InvalidInputError('Documents cannot be read here; send pdf_content', { field: 'resource_id' });
  const document = await deps.readDocument(actor, input.resource_id ?? '');
  if (document.mimeType !== 'application/pdf')
    throw new InvalidInputError(`Document ${input.resource_id} is ${document.mimeType}, not a PDF`, {
      field: 'resource_id',
    });
  return new Uint8Array(document.bytes.buffer, document.bytes.byteOffset, document.bytes.byteLength);
}

/** The PDF toolset: text and metadata out of a PDF, offline. */
export function pdfTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'extract_pdf_text',
      title: 'Extract text from a PDF',
      toolset: 'PDF',
      description:
        'Extracts the text of a PDF (base64, or an uploaded document by resource_id) page by page, for all pages or a range such as "1-3, 5", with the document’s metadata (title, author, dates). Scanned pages without a text layer come back empty.',
      input: extractPdfTextInputSchema,
      output: extractPdfTextOutputSchema,
      readOnly: true,
      run: async (actor, input, context) => {
        const data = await pdfBytes(actor, input, deps);
        // Read in a worker thread within the EXTRACT_* limits: a PDF bomb stops there, not here.
        const result = await deps.pdfExtractor.extract(
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
          { ...context, field: input.pdf_content === undefined ? 'resource_id' : 'pdf_content' },
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
