/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'user.created': { userId: string; role: 'user' | 'admin' };
    'user.updated': { userId: string; changes: string[] };
    'session.revoked': { sessionId: string; userId: string };
    'api_key.created': { apiKeyId: string; userId: string };
    'api_key.revoked': { apiKeyId: string; userId: string };
  }
}

export {};
