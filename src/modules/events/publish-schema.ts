import { z } from 'zod';

/** The namespace users and agents publish in: `custom.` then lowercase words, digits, `_ . -`. */
export const customTypePattern = /^custom\.[a-z0-9_.-]+$/;
/** The largest payload a custom event may carry, as JSON. */
export const customPayloadMaxBytes = 64 * 1024;

export const publishEventInputSchema = z.object({
  type: z
    .string()
    .max(200)
    .regex(customTypePattern, 'a custom event type: custom. then lowercase words, e.g. custom.order.paid')
    .describe('The event type, in the custom.* namespace, e.g. custom.order.paid'),
  data: z
    .record(z.string(), z.unknown())
    .default({})
    .describe(`The payload: a JSON object of at most ${customPayloadMaxBytes / 1024} KiB`),
});
export type PublishEventInput = z.input<typeof publishEventInputSchema>;
