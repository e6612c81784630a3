import { z } from 'zod';

/** External A2A agents' events (merged into the bus's `EventMap`). */
declare module '../../../bus/events.js' {
  interface EventMap {
    'a2a_agent.added': { a2a_agent_id: string; owner_id: string; name: string };
    'a2a_agent.removed': { a2a_agent_id: string; owner_id: string; name: string };
  }
}

const remoteAgentEvent = z.object({ a2a_agent_id: z.string(), owner_id: z.string(), name: z.string() });

/** The payload schemas of external A2A agents' events, for GET /api/v1/events/types. */
export const remoteAgentEventSchemas = {
  'a2a_agent.added': remoteAgentEvent,
  'a2a_agent.removed': remoteAgentEvent,
};
