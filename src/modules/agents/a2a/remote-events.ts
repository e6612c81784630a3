/** External A2A agents' events (merged into the bus's `EventMap`). */
declare module '../../../bus/events.js' {
  interface EventMap {
    'a2a_agent.added': { a2a_agent_id: string; owner_id: string; name: string };
    'a2a_agent.removed': { a2a_agent_id: string; owner_id: string; name: string };
  }
}

export {};
