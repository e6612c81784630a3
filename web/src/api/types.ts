/**
 * Shapes the REST API answers with, imported from the server's zod schemas (type-only: no server
 * code enters the bundle), so a renamed field breaks the build rather than a page.
 */
import type { PublicUser, roleSchema } from '@server/modules/identity/schema';
import type { WireEvent } from '@server/modules/events/schema';
import type { z } from 'zod';

export type Role = z.infer<typeof roleSchema>;

export type User = PublicUser;

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** An event as the WebSocket at /api/v1/events delivers it. */
export type LiveEvent = Omit<WireEvent, 'data'> & { data: Record<string, unknown> };
