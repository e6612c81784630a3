import { InvalidInputError } from '../../../errors.js';

/** A PDF may be this many times the text limit: fonts and images make PDFs far larger than their text. */
export const pdfSizeFactor = 10;

/**
 * The bytes of a base64 PDF (a `data:application/pdf;base64,` prefix is allowed), refused when it
 * is not base64, larger than `maxBytes`, or does not start like a PDF ("%PDF-").
 */
export function decodePdfContent(content: string, maxBytes: number): Uint8Array {
  const base64 = content.replace(/^data:application\/pdf;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new InvalidInputError('pdf_content must be the PDF file in base64', { field: 'pdf_content' });
  const size = Math.floor((base64.length * 3) / 4);
  if (size > maxBytes)
    throw new InvalidInputError(
      `The PDF is about ${size} bytes; the limit is ${maxBytes} (TEXT_LIMIT × ${pdfSizeFactor})`,
      {
        field: 'pdf_content',
      },
    );
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new InvalidInputError('pdf_content is not a PDF (it does not start with %PDF-)', {
      field: 'pdf_content',
    });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
