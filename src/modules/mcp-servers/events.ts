/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'mcp_server.created': { server_id: string; owner_id: string; name: string };
    'mcp_server.updated': { server_id: string; owner_id: string; changes: string[] };
    'mcp_server.deleted': { server_id: string; owner_id: string };
  }
}

export {};
