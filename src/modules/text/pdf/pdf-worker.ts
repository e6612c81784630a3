/**
 * The worker thread that reads a PDF (started by `createPdfExtractor`, never imported): checks
 * what its streams unpack to, then extracts its text with pdf.js, posting progress and one result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../errors.js';
import { ExtractionLimitError } from '../extraction/limits.js';
import type { PdfJob, PdfWorkerMessage } from './pdf-job.js';
import { unpacksWithin } from './unpacked-size.js';

const port = parentPort;
if (!port) throw new Error('pdf-worker runs as a worker thread');
const post = (message: PdfWorkerMessage) => port.postMessage(message);
const job = workerData as PdfJob;

try {
  if (!(await unpacksWithin(job.data, job.maxUnpackedBytes)))
    throw new ExtractionLimitError('unpacked_bytes', job.maxUnpackedBytes);
  // pdf.js is loaded only once the file is known not to be a bomb.
  const { extractPdfText } = await import('./extract-pdf-text.js');
  const result = await extractPdfText(job.data, job.options, {
    signal: new AbortController().signal,
    progress: async (done, total, message) => post({ type: 'progress', done, total, message }),
  });
  post({ type: 'result', result });
} catch (error) {
  post({ type: 'failure', failure: failureOf(error) });
}

function failureOf(error: unknown): Extract<PdfWorkerMessage, { type: 'failure' }>['failure'] {
  if (error instanceof ExtractionLimitError)
    return { kind: 'limit', limit: error.limit, allowed: error.allowed };
  if (error instanceof DomainError && error.kind === 'invalid')
    return { kind: 'invalid', message: error.message, field: error.field };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
