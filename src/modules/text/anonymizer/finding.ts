import { z } from 'zod';
import { sensitiveKinds, type SensitiveKind } from './sensitive-kinds.js';

/** One sensitive item found in a text. `value === text.slice(start, end)`. */
export interface Finding {
  readonly type: SensitiveKind;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /**
   * How sure the detector is, fixed per kind of evidence (a checksum passed, a library validated
   * it, the context names it); an ordering, not a calibrated probability.
   */
  readonly confidence: number;
  /** What the detector knows besides the kind: a phone's country, a card's brand, a custom pattern's name. */
  readonly detail?: string;
}

export const findingSchema = z.object({
  type: z.enum(sensitiveKinds),
  value: z.string(),
  start: z.number().int().describe('Offset of the first character (UTF-16 code units, as in JavaScript).'),
  end: z.number().int().describe('Offset just past the last character.'),
  confidence: z.number().min(0).max(1),
  detail: z.string().optional(),
});

/** A finding for `text.slice(start, end)`. */
export function findingAt(
  text: string,
  fields: {
    type: SensitiveKind;
    start: number;
    end: number;
    confidence: number;
    detail?: string | undefined;
  },
): Finding {
  const { detail, ...rest } = fields;
  return { ...rest, value: text.slice(fields.start, fields.end), ...(detail ? { detail } : {}) };
}
