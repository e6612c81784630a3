import { z } from 'zod';

export const eventStatsQuerySchema = z.object({
  bucket: z.enum(['hour', 'day']).default('hour').describe('Count per hour or per day'),
  since: z.iso.datetime({ offset: true }).optional().describe('From this time (7 days back by default)'),
  until: z.iso.datetime({ offset: true }).optional().describe('Up to this time (now by default)'),
});
export type EventStatsQuery = z.input<typeof eventStatsQuerySchema>;

const window = {
  bucket: z.enum(['hour', 'day']),
  since: z.string(),
  until: z.string(),
};

export const eventStatsSchema = z
  .object({
    ...window,
    counts: z.array(z.object({ type: z.string(), bucket: z.string(), count: z.number().int() })),
    deliveries: z.object({
      total: z.number().int(),
      delivered: z.number().int(),
      dead: z.number().int(),
      pending: z.number().int(),
      success_rate: z.number().nullable().describe('delivered / (delivered + dead)'),
      attempts: z.number().int(),
      attempt_success_rate: z.number().nullable(),
      avg_response_ms: z.number().int().nullable(),
      p95_response_ms: z.number().int().nullable(),
    }),
  })
  .meta({ id: 'EventStats' });

export const eventVolumesSchema = z
  .object({
    ...window,
    items: z.array(
      z.object({
        user_id: z.string().nullable(),
        type: z.string(),
        bucket: z.string(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'EventVolumes' });
