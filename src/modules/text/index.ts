import type { Tool } from '../../tools/tool.js';
import type { summarizeText as summarizeTextNow } from './summarizer/summarize-text.js';
import { analysisTools } from './analysis/tools.js';
import { cleaningTools } from './cleaning/tools.js';
import { diacriticTools } from './diacritics/tools.js';
import { languageTools } from './language/tools.js';
import { sentimentTools } from './sentiment/tools.js';
import { anonymizerTools } from './anonymizer/tools.js';
import { grammarTools } from './grammar/tools.js';
import { ocrTools } from './ocr/tools.js';
import { pdfTools } from './pdf/tools.js';
import { summarizerTools } from './summarizer/tools.js';
import type { TextToolDeps } from './text-tool-deps.js';

export { htmlToPlainText } from './html.js';
export { createPdfExtractor, type PdfExtractor } from './pdf/pdf-extractor.js';
export { ExtractionLimitError, type ExtractionLimits } from './extraction/limits.js';
export type { DocumentReader, TextToolDeps } from './text-tool-deps.js';
export { type TextToolName, textToolNames } from './tool-names.js';

/** The text toolkit: every toolset's tools, each a pure function of its input. */
export function textTools(deps: TextToolDeps): Tool[] {
  return [
    ...cleaningTools(deps),
    ...diacriticTools(deps),
    ...analysisTools(deps),
    ...languageTools(deps),
    ...sentimentTools(deps),
    ...anonymizerTools(deps),
    ...summarizerTools(deps),
    ...grammarTools(deps),
    ...pdfTools(deps),
    ...ocrTools(deps),
  ];
}

/**
 * The extractive summary of `summarize_text`, for other modules. Its sentence splitter
 * (compromise, about half a second of CPU to load) is imported on the first call, not at start.
 */
export async function summarizeText(
  ...args: Parameters<typeof summarizeTextNow>
): ReturnType<typeof summarizeTextNow> {
  const { summarizeText: summarize } = await import('./summarizer/summarize-text.js');
  return summarize(...args);
}
