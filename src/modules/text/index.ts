import type { Tool } from '../../tools/tool.js';
import { anonymizerTools } from './anonymizer/tools.js';
import { grammarTools } from './grammar/tools.js';
import { ocrTools } from './ocr/tools.js';
import { pdfTools } from './pdf/tools.js';
import { summarizerTools } from './summarizer/tools.js';
import type { TextToolDeps } from './text-tool-deps.js';

export { htmlToPlainText } from './html.js';
export type { TextToolDeps } from './text-tool-deps.js';

/** The text toolkit: every toolset's tools, each a pure function of its input. */
export function textTools(deps: TextToolDeps): Tool[] {
  return [
    ...anonymizerTools(deps),
    ...summarizerTools(deps),
    ...grammarTools(deps),
    ...pdfTools(deps),
    ...ocrTools(deps),
  ];
}
