import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'user.created': { user_id: string; role: 'user' | 'admin' };
    'user.updated': { user_id: string; changes: string[] };
    'session.revoked': { session_id: string; user_id: string };
    'api_key.created': { api_key_id: string; user_id: string };
    'api_key.revoked': { api_key_id: string; user_id: string };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const identityEventSchemas = {
  'user.created': z.object({ user_id: id, role: z.enum(['user', 'admin']) }),
  'user.updated': z.object({ user_id: id, changes: z.array(z.string()) }),
  'session.revoked': z.object({ session_id: id, user_id: id }),
  'api_key.created': z.object({ api_key_id: id, user_id: id }),
  'api_key.revoked': z.object({ api_key_id: id, user_id: id }),
};
