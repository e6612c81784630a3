import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`). */
declare module '../../bus/events.js' {
  interface EventMap {
    'mcp_server.created': { server_id: string; owner_id: string; name: string };
    'mcp_server.updated': { server_id: string; owner_id: string; changes: string[] };
    'mcp_server.deleted': { server_id: string; owner_id: string };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const mcpServerEventSchemas = {
  'mcp_server.created': z.object({ server_id: id, owner_id: id, name: z.string() }),
  'mcp_server.updated': z.object({ server_id: id, owner_id: id, changes: z.array(z.string()) }),
  'mcp_server.deleted': z.object({ server_id: id, owner_id: id }),
};
