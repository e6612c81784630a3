/**
 * The grammar tools' choices that their schemas name, kept apart from the checkers so that the
 * schemas load without retext, the dictionaries and compromise.
 */
export const correctionLevels = ['basic', 'standard', 'advanced'] as const;
export const writingStyles = ['formal', 'casual', 'academic', 'business'] as const;

export const dialects = ['en-US', 'en-GB'] as const;
export type Dialect = (typeof dialects)[number];

export const focusAreas = [
  'grammar',
  'spelling',
  'clarity',
  'conciseness',
  'readability',
  'formality',
] as const;
export type FocusArea = (typeof focusAreas)[number];

export const changeKinds = ['replaced', 'inserted', 'removed'] as const;
export const changeReasons = [
  'spelling',
  'repeated_word',
  'article',
  'wordy_phrase',
  'contraction',
  'capitalization',
  'punctuation',
  'spacing',
  'word_choice',
] as const;
