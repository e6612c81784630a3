import type { AnyBusEvent } from '../../bus/events.js';
import type { HttpSessions } from './sessions.js';

/** A session unused this long is closed; its client re-initializes (it gets 404 for the old id). */
const sessionIdleMs = 30 * 60_000;

/** Closes idle sessions once a minute. Returns the function that stops it. */
export function startIdleSweep(sessions: HttpSessions): () => void {
  const sweep = setInterval(() => {
    const cutoff = Date.now() - sessionIdleMs;
    for (const session of sessions.values()) if (session.lastSeen < cutoff) void session.transport.close();
  }, 60_000).unref();
  return () => clearInterval(sweep);
}

/**
 * A session holds the actor it was opened with: when that changes, the client must start over (a
 * revoked key, a deactivated or re-roled account). Closes the sessions the event concerns.
 */
export function closeSessionsOnCredentialChange(sessions: HttpSessions, event: AnyBusEvent): void {
  if (event.type !== 'api_key.revoked' && event.type !== 'user.updated') return;
  for (const session of sessions.values()) {
    const revoked = event.type === 'api_key.revoked' && session.apiKeyId === event.data.api_key_id;
    if (revoked || (event.type === 'user.updated' && session.userId === event.data.user_id))
      void session.transport.close();
  }
}

/** Closes every session (at shutdown). */
export async function closeAllSessions(sessions: HttpSessions): Promise<void> {
  await Promise.all([...sessions.values()].map((session) => session.transport.close()));
}
