import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, type Line } from 'tesseract.js';
import type { ToolContext } from '../../../tools/tool.js';

/**
 * The English model shipped in the @tesseract.js-data/eng package (the "best_int" LSTM model),
 * read from disk: tesseract.js would otherwise download it from a CDN on first use.
 */
const englishModelDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

export interface RecognizedLine {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * The text in an image by Tesseract (tesseract.js: the engine compiled to WebAssembly, in a worker
 * thread), with its lines, their boxes and confidences (0–1). A worker is started per call and
 * ended after it, or at once when the call is cancelled; progress follows Tesseract's own.
 */
export async function recognizeText(
  image: Buffer,
  context: Pick<ToolContext, 'signal' | 'progress'>,
): Promise<{ text: string; confidence: number; lines: RecognizedLine[] }> {
  context.signal.throwIfAborted();
  let reported = 0;
  const worker = await createWorker('eng', 1, {
    langPath: englishModelDirectory,
    cacheMethod: 'none',
    gzip: true,
    logger: (message) => {
      const percent = Math.round(message.progress * 100);
      if (message.status === 'recognizing text' && percent > reported) {
        reported = percent;
        void context.progress(percent, 100, 'Recognizing text');
      }
    },
  });
  const stop = () => void worker.terminate();
  context.signal.addEventListener('abort', stop, { once: true });
  try {
    const { data } = await worker.recognize(image, {}, { text: true, blocks: true });
    context.signal.throwIfAborted();
    const lines = (data.blocks ?? []).flatMap((block) =>
      block.paragraphs.flatMap((paragraph) => paragraph.lines.map(lineOf)),
    );
    return { text: data.text.trim(), confidence: data.confidence / 100, lines };
  } finally {
    context.signal.removeEventListener('abort', stop);
    if (!context.signal.aborted) await worker.terminate();
  }
}

function lineOf(line: Line): RecognizedLine {
  const { x0, y0, x1, y1 } = line.bbox;
  return { text: line.text.trim(), confidence: line.confidence / 100, bbox: { x0, y0, x1, y1 } };
}
