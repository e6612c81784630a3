import type { Logger } from '../../../logger.js';
import type { ToolContext } from '../../../tools/tool.js';
import { InvalidInputError } from '../../../errors.js';
import { ExtractionLimitError, type ExtractionLimits } from '../extraction/limits.js';
import { runInWorker } from '../extraction/run-in-worker.js';
import type { ExtractedPdf } from './extract-pdf-text.js';
import type { PdfJob, PdfWorkerMessage } from './pdf-job.js';

/** The most PDFs read at once; more wait their turn (each reader may use EXTRACT_MEMORY_MB). */
const concurrentReaders = 2;

export interface PdfExtractor {
  /**
   * The text of a PDF's pages, read in a worker thread within the limits. Over a limit it is an
   * EXTRACTION_LIMIT error naming `field`; a damaged or locked PDF an INVALID_INPUT.
   */
  extract(
    data: Uint8Array,
    options: Omit<PdfJob['options'], 'maxPages'>,
    context: Partial<Pick<ToolContext, 'signal' | 'progress'>> & { field: string },
  ): Promise<ExtractedPdf>;
  /**
   * Every page's text, for search: empty when the PDF cannot be read (damaged, locked), an
   * EXTRACTION_LIMIT error (naming `file`) when it is over a limit.
   */
  searchableText(bytes: Buffer, signal?: AbortSignal): Promise<string>;
}

/** Reads PDFs off the event loop, one worker thread per PDF, at most two at a time. */
export function createPdfExtractor({
  limits,
  searchableTextLimit,
  logger,
}: {
  limits: ExtractionLimits;
  /** The most text kept for search from one PDF. */
  searchableTextLimit: number;
  /** Told when reading fails for another reason than the file (the worker could not start, say). */
  logger?: Logger | undefined;
}): PdfExtractor {
  const slots = createSlots(concurrentReaders);

  async function extract(
    data: Uint8Array,
    options: Omit<PdfJob['options'], 'maxPages'>,
    context: Partial<Pick<ToolContext, 'signal' | 'progress'>> & { field: string },
  ): Promise<ExtractedPdf> {
    const job: PdfJob = {
      data,
      maxUnpackedBytes: limits.maxUnpackedBytes,
      options: { ...options, maxPages: limits.maxPages },
    };
    return slots.run(() =>
      runInWorker<PdfWorkerMessage, ExtractedPdf>({
        callerUrl: import.meta.url,
        name: 'pdf-worker',
        workerData: job,
        limits,
        field: context.field,
        signal: context.signal,
        receive: (message) => {
          if (message.type === 'progress') {
            void context.progress?.(message.done, message.total, message.message);
            return undefined;
          }
          if (message.type === 'result') return { result: message.result };
          const { failure } = message;
          if (failure.kind === 'limit')
            throw new ExtractionLimitError(failure.limit, failure.allowed, { field: context.field });
          if (failure.kind === 'invalid')
            throw new InvalidInputError(failure.message, { field: failure.field ?? context.field });
          throw new Error(`Reading the PDF failed: ${failure.message}`);
        },
      }),
    );
  }

  return {
    extract,
    async searchableText(bytes, signal) {
      try {
        const result = await extract(
          new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          { includeMetadata: false, textLimit: searchableTextLimit },
          { field: 'file', signal },
        );
        return result.pages.map((page) => page.text).join('\n\n');
      } catch (error) {
        if (error instanceof ExtractionLimitError || signal?.aborted) throw error;
        if (!(error instanceof InvalidInputError))
          logger?.error({ err: error }, 'reading a PDF failed; it is kept without text');
        return '';
      }
    },
  };
}

/** Runs at most `count` jobs at once, the others in the order they came. */
function createSlots(count: number) {
  let free = count;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await job();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}
