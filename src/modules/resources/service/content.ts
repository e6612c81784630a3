import path from 'node:path';
import { withoutNulCharacters } from '../../../storable-text.js';
import { htmlToPlainText } from '../../text/index.js';
import { FileTypeMismatchError, UnsupportedFileTypeError } from '../errors.js';

/** What a document holds once its bytes are understood. */
export interface InspectedContent {
  mimeType: string;
  /** What search reads and `resources/read` returns for text: the text itself, or the text extracted. */
  text: string;
  /** The original bytes, kept when they are not the text itself (a PDF, an image, an HTML page). */
  content: Buffer | null;
  sizeBytes: number;
}

/** Reads the text of a PDF; supplied by the text tools. Without it, PDFs are kept but not searchable. */
export type PdfTextExtractor = (bytes: Buffer, signal?: AbortSignal) => Promise<string>;

/** Binary types a document may be, recognised by their content (magic numbers). */
const binaryTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

/** Text types by file extension; any other text is text/plain. */
const textTypesByExtension: Record<string, string> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

/** Extensions that promise a binary type: a text file under such a name is not what it says. */
const binaryExtensions: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * Decides what a file is from its bytes — not from its name or the type a client claims — and
 * extracts its text (U+0000 in extracted text is dropped: Postgres text cannot hold it; bytes that
 * hold NUL are not taken for text at all). A name that promises another type than the content is refused, as is
 * binary content of a type we do not keep.
 */
export async function inspectContent(
  bytes: Buffer,
  {
    filename,
    declaredType,
    extractPdfText,
    signal,
  }: {
    filename: string;
    /** A Content-Type header, consulted only for text (is this HTML?). */
    declaredType?: string | undefined;
    extractPdfText?: PdfTextExtractor | undefined;
    signal?: AbortSignal | undefined;
  },
): Promise<InspectedContent> {
  const extension = path.extname(filename).toLowerCase();
  // Imported on first use: file-type and its readers are not worth compiling before the server listens.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const promised = binaryExtensions[extension] ?? textTypesByExtension[extension];
    if (promised && promised !== detected.mime) throw new FileTypeMismatchError(filename, detected.mime);
    if (!binaryTypes.has(detected.mime)) throw new UnsupportedFileTypeError(detected.mime);
    const text =
      detected.mime === 'application/pdf' && extractPdfText ? await extractPdfText(bytes, signal) : '';
    return {
      mimeType: detected.mime,
      text: withoutNulCharacters(text),
      content: bytes,
      sizeBytes: bytes.length,
    };
  }
  const decoded = decodeText(bytes);
  if (decoded === undefined) throw new UnsupportedFileTypeError('binary content of an unknown type');
  if (binaryExtensions[extension]) throw new FileTypeMismatchError(filename, 'text');
  const mimeType =
    textTypesByExtension[extension] ??
    (/^text\/html\b/i.test(declaredType ?? '')
      ? 'text/html'
      : /^text\/markdown\b/i.test(declaredType ?? '')
        ? 'text/markdown'
        : 'text/plain');
  if (mimeType === 'text/html')
    return {
      mimeType,
      text: withoutNulCharacters(await htmlToPlainText(decoded)),
      content: bytes,
      sizeBytes: bytes.length,
    };
  return { mimeType, text: decoded, content: null, sizeBytes: bytes.length };
}

/** A note written in the app (its text has no U+0000: the boundaries refuse it). */
export function noteContent(text: string, mimeType: string): InspectedContent {
  return { mimeType, text, content: null, sizeBytes: Buffer.byteLength(text) };
}

/** The bytes as UTF-8 text, or undefined when they are not text (invalid UTF-8, or NUL bytes). */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
