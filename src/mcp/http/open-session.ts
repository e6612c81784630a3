import { randomUUID } from 'node:crypto';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { UserActor } from '../../actor.js';
import type { Logger } from '../../logger.js';
import { buildMcpServer, type McpServices } from '../build-mcp-server.js';
import { createSessionEventStore } from '../event-store.js';
import type { HttpSessions } from './sessions.js';
import { writeStoredJson } from './sse-json-once.js';

/** The most sessions one user keeps open; opening one more closes their least recently used. */
const sessionsPerUser = 20;

/**
 * Opens a session for the user: an MCP server acting as them on a new transport with its own event
 * store (for SSE resumption). The session is kept once the SDK has given it an id, and forgotten
 * when its transport closes.
 */
export async function openSession({
  sessions,
  services,
  logger,
  actor,
}: {
  sessions: HttpSessions;
  services: McpServices;
  logger: Logger;
  actor: UserActor;
}): Promise<WebStandardStreamableHTTPServerTransport> {
  makeRoomFor(sessions, actor.userId);
  const { server, onEvent } = buildMcpServer({ ...services, actor, logger });
  const eventStore = createSessionEventStore();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    eventStore,
    onsessioninitialized: (id) =>
      void sessions.set(id, {
        transport,
        server,
        onEvent,
        userId: actor.userId,
        apiKeyId: actor.credential.kind === 'api_key' ? actor.credential.id : undefined,
        lastSeen: Date.now(),
      }),
  });
  writeStoredJson(transport, eventStore.jsonOf);
  transport.onclose = () => {
    if (transport.sessionId) sessions.delete(transport.sessionId);
  };
  await server.connect(transport);
  return transport;
}

/** Keeps a user's open sessions under the cap by closing the least recently used. */
function makeRoomFor(sessions: HttpSessions, userId: string) {
  const theirs = [...sessions.values()]
    .filter((session) => session.userId === userId)
    .sort((a, b) => a.lastSeen - b.lastSeen);
  for (const session of theirs.slice(0, Math.max(0, theirs.length - sessionsPerUser + 1)))
    void session.transport.close();
}
