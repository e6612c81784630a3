/** The readability formulas a caller can ask for; the schema lists them without loading the formulas. */
export const readabilityMetrics = [
  'flesch_reading_ease',
  'flesch_kincaid',
  'coleman_liau',
  'automated_readability',
  'gunning_fog',
  'smog',
  'dale_chall',
  'spache',
] as const;
export type ReadabilityMetric = (typeof readabilityMetrics)[number];
