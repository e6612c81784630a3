/** Shapes the REST API answers with, as the pages use them. The OpenAPI description at /api/docs is the reference. */

export type Role = 'user' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** An event as the WebSocket at /api/v1/events delivers it. */
export interface LiveEvent {
  id: string;
  type: string;
  at: string;
  actor: { user_id: string | null; via: string };
  data: Record<string, unknown>;
}
