import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { McpSession } from '../build-mcp-server.js';

/** An open /mcp session: its transport and server, and the user it was opened for. */
export interface HttpSession {
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
  onEvent: McpSession['onEvent'];
  userId: string;
  /** The API key the session was opened with, if any. */
  apiKeyId?: string;
  lastSeen: number;
}

/** The open sessions of this process, by session id. Held in memory: a restart ends them all. */
export type HttpSessions = Map<string, HttpSession>;
