import type { ExtractionLimit } from '../extraction/limits.js';
import type { ExtractedPdf } from './extract-pdf-text.js';

/** What the PDF worker is given (as `workerData`). */
export interface PdfJob {
  data: Uint8Array;
  maxUnpackedBytes: number;
  options: {
    pageRange?: string | undefined;
    includeMetadata: boolean;
    password?: string | undefined;
    textLimit: number;
    maxPages: number;
  };
}

/** What the PDF worker posts back: progress, then one result or one failure. */
export type PdfWorkerMessage =
  | { type: 'progress'; done: number; total: number | undefined; message: string | undefined }
  | { type: 'result'; result: ExtractedPdf }
  | {
      type: 'failure';
      failure:
        | { kind: 'limit'; limit: ExtractionLimit; allowed: number }
        | { kind: 'invalid'; message: string; field: string | undefined }
        | { kind: 'other'; message: string };
    };
