import { z } from 'zod';
import { findingSchema } from './finding.js';
import { anonymizationLevels, maxPatternLength, replacementStrategies } from './options.js';
import { detectionTypeNames, sensitiveKinds } from './sensitive-kinds.js';

const detectionTypes = z
  .array(z.enum(detectionTypeNames))
  .optional()
  .describe(
    'What to look for: the categories names, emails, phones, addresses, ids, financial, network, dates, organizations, or single kinds (person, credit_card, ip_address, …). All when absent.',
  );
const confidenceThreshold = z
  .number()
  .min(0)
  .max(1)
  .default(0.7)
  .describe('Report only items found with at least this confidence.');
const phoneRegions = z
  .array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as US or DE'))
  .min(1)
  .max(30)
  .optional()
  .describe(
    'Countries whose national phone formats to recognise, most likely first (numbers written with + or 00 are found anyway). Default: US, GB, FR, DE, ES, IT, NL, IN, AU, BR, JP.',
  );
export const customPatternsSchema = z
  .array(
    z.union([
      z.string().max(maxPatternLength),
      z.object({ name: z.string().min(1).max(40), pattern: z.string().max(maxPatternLength) }),
    ]),
  )
  .max(20)
  .default([])
  .describe(
    'Your own JavaScript regular expressions (a string, or {name, pattern}), at most 200 characters each; patterns that could backtrack without bound are refused.',
  );

const countsSchema = z.partialRecord(z.enum(sensitiveKinds), z.number().int());

export const detectSensitiveInfoInputSchema = z.object({
  text: z.string().describe('The text to search.'),
  detection_types: detectionTypes,
  confidence_threshold: confidenceThreshold,
  phone_regions: phoneRegions,
  custom_patterns: customPatternsSchema,
});
export const detectSensitiveInfoOutputSchema = z.object({
  findings: z.array(findingSchema),
  counts: countsSchema.describe('How many items of each kind were found.'),
  method: z.string(),
});

const replacementSchema = z.object({
  type: z.enum(sensitiveKinds),
  start: z.number().int().describe('Where the value was in the original text.'),
  end: z.number().int(),
  replacement: z.string(),
  confidence: z.number(),
  original: z.string().optional().describe('The value replaced; only with include_originals.'),
});

const anonymizeFields = {
  text: z.string().describe('The text to anonymize.'),
  confidence_threshold: confidenceThreshold,
  phone_regions: phoneRegions,
  include_originals: z
    .boolean()
    .default(false)
    .describe('Also return each replaced value (then the result is as sensitive as the input).'),
};

export const anonymizeTextInputSchema = z.object({
  ...anonymizeFields,
  anonymization_level: z
    .enum(anonymizationLevels)
    .default('high')
    .describe(
      'low: direct identifiers (emails, phones, cards, IBANs, ID numbers); medium: also people and IP addresses; high: everything, including places, organisations, dates and URLs.',
    ),
  detection_types: detectionTypes.describe('Replace exactly these kinds instead of a level’s.'),
  replacement_strategy: z
    .enum(replacementStrategies)
    .default('placeholder')
    .describe(
      'placeholder: [PERSON_1]; fake_data: a made-up value of the same kind; hash: a salted hash; remove: nothing.',
    ),
  preserve_structure: z
    .boolean()
    .default(false)
    .describe(
      'Keep each value’s length and layout: a mask (Xxxx ####) for placeholder, digits and letters swapped for fake_data, a bar (█) for remove.',
    ),
  custom_patterns: customPatternsSchema,
  hash_salt: z
    .string()
    .max(200)
    .optional()
    .describe(
      'A secret mixed into hashes; without it a short value’s hash can be found by trying every value.',
    ),
});
export const anonymizeTextOutputSchema = z.object({
  anonymized_text: z.string(),
  replacements: z.array(replacementSchema),
  counts: countsSchema,
  strategy: z.enum(replacementStrategies),
  method: z.string(),
});

export const smartAnonymizeInputSchema = z.object({
  ...anonymizeFields,
  context: z
    .string()
    .max(2000)
    .optional()
    .describe(
      'What the text is (a medical note, a contract …); used by a model-backed method, noted otherwise.',
    ),
  preserve_meaning: z
    .boolean()
    .default(true)
    .describe(
      'Keep what the text says: pseudonyms of the same kind, one per person used for every mention, and dates all moved by the same number of days so intervals stay true.',
    ),
});
export const smartAnonymizeOutputSchema = anonymizeTextOutputSchema.omit({ strategy: true }).extend({
  notes: z.array(z.string()),
});

export const createAnonymizationReportInputSchema = z.object({
  original_text: z.string(),
  anonymized_text: z.string(),
  detection_types: detectionTypes,
  confidence_threshold: confidenceThreshold,
  phone_regions: phoneRegions,
});
const reportItemSchema = z.object({
  type: z.enum(sensitiveKinds),
  start: z.number().int(),
  end: z.number().int(),
});
export const createAnonymizationReportOutputSchema = z.object({
  risk: z.enum(['low', 'medium', 'high']),
  verdict: z.string(),
  found_in_original: countsSchema,
  removed: z.array(reportItemSchema).describe('Items of the original (by place in it) that are gone.'),
  remaining: z
    .array(reportItemSchema.extend({ value: z.string() }))
    .describe('Items of the original still in the anonymized text (by place in the anonymized text).'),
  removal_rate: z.number().min(0).max(1),
  method: z.string(),
});
