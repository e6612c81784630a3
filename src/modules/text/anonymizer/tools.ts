import { defineTool, type Tool } from '../../../tools/tool.js';
import { readablePreview } from '../readable-preview.js';
import { checkTextSize } from '../text-input.js';
import type { TextToolDeps } from '../text-tool-deps.js';
import {
  anonymizeTextInputSchema,
  anonymizeTextOutputSchema,
  createAnonymizationReportInputSchema,
  createAnonymizationReportOutputSchema,
  detectSensitiveInfoInputSchema,
  detectSensitiveInfoOutputSchema,
  smartAnonymizeInputSchema,
  smartAnonymizeOutputSchema,
} from './schema.js';

/*
 * Each tool loads its implementation on its first call: the libraries behind the text tools
 * (compromise, faker, chrono, pdf.js, retext, Tesseract) take about a second to import, which
 * every server start and CLI command would otherwise pay.
 */

const describeCounts = (counts: Partial<Record<string, number>>) =>
  Object.entries(counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ') || 'nothing';

/** The anonymizer toolset: find sensitive items, replace them, and check an anonymization. */
export function anonymizerTools(deps: TextToolDeps): Tool[] {
  return [
    defineTool({
      name: 'detect_sensitive_info',
      title: 'Detect sensitive information',
      toolset: 'Anonymizer',
      description:
        'Finds personal and sensitive items in a text, offline: emails, phone numbers (libphonenumber), payment cards (Luhn-checked), IBANs (checksum), IP addresses, URLs, dates, ID-like numbers, and names of people, places and organisations (compromise). Each finding has its kind, value, start/end offsets and a confidence.',
      input: detectSensitiveInfoInputSchema,
      output: detectSensitiveInfoOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.text, deps);
        const { detectSensitiveInfo } = await import('./detect-sensitive-info.js');
        return detectSensitiveInfo(input, context);
      },
      summarize: ({ counts }) => `Found ${describeCounts(counts)}.`,
    }),
    defineTool({
      name: 'anonymize_text',
      title: 'Anonymize text',
      toolset: 'Anonymizer',
      description:
        'Replaces the sensitive items of a text (by level, or the kinds you name, plus your own patterns) with placeholders, fake data, salted hashes or nothing. Returns the anonymized text and what was replaced where (originals only if asked).',
      input: anonymizeTextInputSchema,
      output: anonymizeTextOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.text, deps);
        const { anonymizeText } = await import('./anonymize.js');
        return anonymizeText(input, context);
      },
      summarize: ({ anonymized_text, counts }) =>
        `Replaced ${describeCounts(counts)}.\n\n${readablePreview(anonymized_text)}`,
    }),
    defineTool({
      name: 'smart_anonymize',
      title: 'Anonymize text, keeping it readable',
      toolset: 'Anonymizer',
      description:
        'Pseudonymizes a text so it still reads true: one consistent fake per person (every mention, full or partial), emails that follow the fake names, fakes of the same kind for other items, and all dates moved by the same number of days. Offline and deterministic.',
      input: smartAnonymizeInputSchema,
      output: smartAnonymizeOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.text, deps);
        const { smartAnonymize } = await import('./anonymize.js');
        return smartAnonymize(input, context);
      },
      summarize: ({ anonymized_text, counts }) =>
        `Pseudonymized ${describeCounts(counts)}.\n\n${readablePreview(anonymized_text)}`,
    }),
    defineTool({
      name: 'create_anonymization_report',
      title: 'Report on an anonymization',
      toolset: 'Anonymizer',
      description:
        'Checks an anonymized text against its original: which sensitive items of the original were removed, which remain (with their place in the anonymized text), and a risk verdict (high if any direct identifier remains).',
      input: createAnonymizationReportInputSchema,
      output: createAnonymizationReportOutputSchema,
      readOnly: true,
      run: async (_actor, input, context) => {
        checkTextSize(input.original_text, deps, 'original_text');
        checkTextSize(input.anonymized_text, deps, 'anonymized_text');
        const { createAnonymizationReport } = await import('./anonymization-report.js');
        return createAnonymizationReport(input, context);
      },
      summarize: ({ risk, verdict }) => `Risk: ${risk}. ${verdict}`,
    }),
  ];
}
