/**
 * The anonymizer's choices that its schemas name, kept apart from the code that acts on them so
 * that the schemas load without the detectors' libraries.
 */
export const replacementStrategies = ['placeholder', 'fake_data', 'hash', 'remove'] as const;
export type ReplacementStrategy = (typeof replacementStrategies)[number];

export const anonymizationLevels = ['low', 'medium', 'high'] as const;

/** Longest custom pattern accepted: patterns are for identifiers, not programs. */
export const maxPatternLength = 200;
