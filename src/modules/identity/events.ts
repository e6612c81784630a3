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

export {};
