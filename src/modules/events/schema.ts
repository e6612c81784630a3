import { z } from 'zod';
import { patternToRegex } from '../../bus/pattern.js';
import { pageSize } from '../../db/page-size.js';

const isPattern = (pattern: string) => {
  try {
    patternToRegex(pattern);
    return true;
  } catch {
    return false;
  }
};

/** Comma-separated event patterns (`task.*,message.*`) as a list; empty when absent. */
export function patternList(types: string | undefined): string[] {
  return (types ?? '')
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);
}

/** The query of GET /api/v1/events: `type`, `since`, `until`, `actor_id`, `q`, `all`, `limit`, `cursor` for history; `types` for the live socket. */
export const eventQuerySchema = z.object({
  type: z.string().min(1).max(200).optional().describe('History: an event type or pattern, e.g. task.*'),
  since: z.iso.datetime({ offset: true }).optional().describe('History: only events at or after this time'),
  until: z.iso.datetime({ offset: true }).optional().describe('History: only events at or before this time'),
  actor_id: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('History: only events this user caused (another user’s only for admins, with `all`)'),
  q: z.string().min(1).max(200).optional().describe('History: only events whose payload contains this text'),
  all: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .default(false)
    .transform((value) => value === true || value === 'true')
    .describe('History, admins only: everyone’s events instead of your own'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('History: the next_cursor of the previous page'),
  types: z
    .string()
    .max(1000)
    .optional()
    .refine((types) => patternList(types).every(isPattern), {
      message: 'comma-separated event patterns: dot-separated lowercase words, * for any word (e.g. task.*)',
    })
    .describe(
      'Live socket: only events matching one of these comma-separated patterns, e.g. task.*,message.*',
    ),
});
export type EventQuery = z.input<typeof eventQuerySchema>;

/** An event on the wire: in history pages and as each WebSocket frame. */
export const wireEventSchema = z
  .object({
    id: z.string().describe('UUIDv7: ordered by time'),
    type: z.string(),
    at: z.string().describe('ISO 8601'),
    actor: z.object({
      user_id: z.string().nullable().describe('Who caused it; null for the server itself'),
      via: z.string().describe('http, mcp, chat, workflow, cli or system'),
    }),
    data: z.unknown(),
  })
  .meta({ id: 'Event' });
export type WireEvent = z.infer<typeof wireEventSchema>;

export const eventPageSchema = z.object({
  items: z.array(wireEventSchema),
  next_cursor: z.string().nullable(),
});
export type EventPage = z.infer<typeof eventPageSchema>;
