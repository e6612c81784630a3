import { DomainError } from '../../../errors.js';

/** How far extracting text from one file may go before it is stopped (the EXTRACT_* settings). */
export interface ExtractionLimits {
  /** Bytes all of a PDF's compressed streams may unpack to (EXTRACT_MAX_UNPACKED_BYTES). */
  maxUnpackedBytes: number;
  /** Pages a PDF may have (EXTRACT_MAX_PAGES). */
  maxPages: number;
  /** How long one extraction may take (EXTRACT_TIMEOUT_MS). */
  timeoutMs: number;
  /** The extraction worker's JavaScript heap, in megabytes (EXTRACT_MEMORY_MB). */
  memoryMb: number;
}

/** Which limit stopped an extraction. */
export type ExtractionLimit = 'unpacked_bytes' | 'pages' | 'time' | 'memory';

const explanations: Record<ExtractionLimit, (allowed: number) => string> = {
  unpacked_bytes: (allowed) =>
    `its compressed streams unpack to more than ${allowed} bytes (EXTRACT_MAX_UNPACKED_BYTES)`,
  pages: (allowed) => `it has more than ${allowed} pages (EXTRACT_MAX_PAGES)`,
  time: (allowed) => `reading it took longer than ${allowed} ms (EXTRACT_TIMEOUT_MS)`,
  memory: (allowed) => `reading it needed more than ${allowed} MB of memory (EXTRACT_MEMORY_MB)`,
};

/**
 * A file's text could not be extracted within the limits (a "decompression bomb", or simply a
 * file too big to read here). HTTP 422 with the code EXTRACTION_LIMIT; nothing was stored.
 */
export class ExtractionLimitError extends DomainError {
  readonly code = 'EXTRACTION_LIMIT';
  readonly kind = 'unprocessable';
  constructor(
    readonly limit: ExtractionLimit,
    readonly allowed: number,
    options: { field?: string } = {},
  ) {
    super(`The file's text cannot be read: ${explanations[limit](allowed)}`, {
      field: options.field ?? 'file',
    });
  }
}
