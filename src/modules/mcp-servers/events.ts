/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'mcp_server.created': { serverId: string; ownerId: string; name: string };
    'mcp_server.updated': { serverId: string; ownerId: string; changes: string[] };
    'mcp_server.deleted': { serverId: string; ownerId: string };
  }
}

export {};
