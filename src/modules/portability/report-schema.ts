/** What an import answers, section by section. Only zod here: the web app imports these types. */
import { z } from 'zod';

const importedItemSchema = z.object({
  exported_id: z.string().describe('The id in the file'),
  id: z.string().describe('The new id here'),
  name: z.string().describe('Its name here (a memory: its text)'),
  renamed_from: z
    .string()
    .nullable()
    .describe('The name in the file when it was taken here, so the copy got a suffix'),
});
export type ImportedItem = z.infer<typeof importedItemSchema>;

const skippedItemSchema = z.object({
  exported_id: z.string(),
  name: z.string(),
  code: z.string().describe('Why: ALREADY_THERE (a memory you have), or the error code it met'),
  reason: z.string(),
});
export type SkippedItem = z.infer<typeof skippedItemSchema>;

const sectionReportSchema = z.object({
  created: z.array(importedItemSchema),
  skipped: z.array(skippedItemSchema),
});
export type SectionReport = z.infer<typeof sectionReportSchema>;

export const importReportSchema = z
  .object({
    memories: sectionReportSchema,
    context_spaces: sectionReportSchema,
    agents: sectionReportSchema,
    workflows: sectionReportSchema,
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;
