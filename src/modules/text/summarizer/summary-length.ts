export const summaryLengths = ['short', 'medium', 'long'] as const;
export type SummaryLength = (typeof summaryLengths)[number];

/** Share of the sentences each length keeps, and its floor and ceiling in sentences. */
const lengthRules: Record<SummaryLength, { share: number; min: number; max: number }> = {
  short: { share: 0.1, min: 1, max: 3 },
  medium: { share: 0.2, min: 2, max: 7 },
  long: { share: 0.35, min: 3, max: 15 },
};

/**
 * How many of `total` sentences a summary keeps: a share of them (compression_ratio if given,
 * else the length's), within the length's floor and ceiling, and always fewer than all of them
 * (a summary of one sentence is that sentence). So short < medium < long once a text has more
 * than four sentences.
 */
export function summarySentenceCount({
  total,
  length,
  compressionRatio,
}: {
  total: number;
  length: SummaryLength;
  compressionRatio?: number | undefined;
}): number {
  if (total <= 1) return total;
  const rule = lengthRules[length];
  const wanted =
    compressionRatio === undefined
      ? Math.min(rule.max, Math.max(rule.min, Math.round(total * rule.share)))
      : Math.max(1, Math.round(total * compressionRatio));
  return Math.min(total - 1, wanted);
}
