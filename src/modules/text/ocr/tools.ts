import { z } from 'zod';
import { defineTool, type Tool } from '../../../tools/tool.js';
import { readablePreview } from '../readable-preview.js';
import type { TextToolDeps } from '../text-tool-deps.js';

/** An image may be this many times the text limit. */
const imageSizeFactor = 10;

const extractImageTextInputSchema = z.object({
  image_content: z
    .string()
    .min(1)
    .describe('The image (PNG, JPEG, BMP, WebP or PBM), base64-encoded; a data: URL prefix is allowed.'),
  language: z.enum(['eng']).default('eng').describe('The language model; English is the one installed.'),
});
const extractImageTextOutputSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1).describe('Tesseract’s mean word confidence.'),
  lines: z.array(
    z.object({
      text: z.string(),
      confidence: z.number().min(0).max(1),
      bbox: z
        .object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() })
        .describe('In pixels.'),
    }),
  ),
  method: z.string(),
});

/** The image text extractor: OCR offline, with Tesseract and the English model from npm. */
export function ocrTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'extract_image_text',
      title: 'Extract text from an image (OCR)',
      toolset: 'Image text (OCR)',
      description:
        'Reads the printed text in an image (a scan, a screenshot, a photo of a page) offline with Tesseract, returning the text, its lines with their boxes, and confidences. English only.',
      input: extractImageTextInputSchema,
      output: extractImageTextOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        // Loaded on the first call, like the other text tools' libraries.
        const [{ decodeImageContent }, { recognizeText }] = await Promise.all([
          import('./image-content.js'),
          import('./recognize-text.js'),
        ]);
        const image = await decodeImageContent(input.image_content, deps.textLimit * imageSizeFactor);
        return {
          ...(await recognizeText(image, context)),
          method: 'offline:tesseract.js (eng, LSTM best_int)',
        };
      },
      summarize: ({ text, confidence }) =>
        text
          ? `Read with ${Math.round(confidence * 100)}% confidence:\n\n${readablePreview(text)}`
          : 'No text found in the image.',
    }),
  ];
}
