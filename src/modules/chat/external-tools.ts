/**
 * The tools of the user's own MCP servers (and their published workflows), as the assistant offers
 * them: the kernel's per-user tool contract (src/tools/actor-tools.ts). The client hub
 * (src/mcp/client-hub.ts) is one source; app.ts wires them in, so chat never imports src/mcp.
 */
export type {
  ActorTool as ExternalTool,
  ActorToolSource as ExternalToolSource,
} from '../../tools/actor-tools.js';
