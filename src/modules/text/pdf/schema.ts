import { z } from 'zod';
import { pageRangePattern } from './page-range.js';

export const extractPdfTextInputSchema = z.object({
  pdf_content: z
    .string()
    .min(1)
    .optional()
    .describe('The PDF file, base64-encoded (a data: URL prefix is allowed). Give this or resource_id.'),
  resource_id: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('An uploaded PDF among your documents (or a shared one), instead of pdf_content.'),
  page_range: z
    .union([
      z.string().regex(pageRangePattern, 'pages and ranges such as "1-3, 5, 8-"'),
      z.object({ start: z.number().int().min(1), end: z.number().int().min(1).optional() }),
    ])
    .optional()
    .describe('Which pages: "1-3, 5, 8-" (8- runs to the end), or {start, end}. All pages when absent.'),
  include_metadata: z
    .boolean()
    .default(true)
    .describe('Also return the title, author, dates and other document information.'),
  password: z.string().max(1000).optional().describe('The password of a protected PDF.'),
});

export const extractPdfTextOutputSchema = z.object({
  page_count: z.number().int().describe('Pages in the whole document.'),
  pages: z.array(z.object({ page_number: z.number().int(), text: z.string() })),
  text: z.string().describe('The pages’ text joined by blank lines.'),
  metadata: z
    .object({
      title: z.string().optional(),
      author: z.string().optional(),
      subject: z.string().optional(),
      keywords: z.string().optional(),
      creator: z.string().optional(),
      producer: z.string().optional(),
      creation_date: z.string().optional(),
      modification_date: z.string().optional(),
      pdf_version: z.string().optional(),
      language: z.string().optional(),
    })
    .optional(),
  truncated: z
    .boolean()
    .describe('True when the text limit stopped extraction before the last page asked for.'),
  method: z.string(),
});
