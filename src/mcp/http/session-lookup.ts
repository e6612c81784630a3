import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../../actor.js';
import { invalidInitialize } from '../invalid-params.js';
import { type JsonRpcErrorReply, rpcError } from './json-rpc-error.js';
import type { HttpSessions } from './sessions.js';

/** The transport to hand the request to, or the JSON-RPC error to answer instead. */
export type SessionLookup =
  | { readonly transport: WebStandardStreamableHTTPServerTransport }
  | { readonly status: 400 | 404; readonly error: JsonRpcErrorReply };

/**
 * Finds the request's session by its `Mcp-Session-Id` (404 when it is gone or another user's, so
 * the client initializes again); undefined when the request names none (see `sessionOpenedFor`).
 * Not async: this runs on every MCP request, and a promise costs the engine's promise hook on
 * Node 20 (docs/decisions.md, seventh round).
 */
export function sessionFor({
  request,
  actor,
  sessions,
}: {
  request: FastifyRequest;
  actor: UserActor;
  sessions: HttpSessions;
}): SessionLookup | undefined {
  const sessionId = request.headers['mcp-session-id'];
  if (typeof sessionId !== 'string') return undefined;
  const session = sessions.get(sessionId);
  // Another user's session id is as unknown as an expired one.
  if (!session || session.userId !== actor.userId)
    return { status: 404, error: rpcError(-32001, 'Session not found: initialize a new session') };
  session.lastSeen = Date.now();
  return { transport: session.transport };
}

/**
 * For a request without a session id: opens a session for an initialize request; an initialize
 * with bad params is 400 -32602, and anything else 400 -32000.
 */
export async function sessionOpenedFor({
  request,
  open,
}: {
  request: FastifyRequest;
  /** Opens a session for the actor (see open-session.ts). */
  open: () => Promise<WebStandardStreamableHTTPServerTransport>;
}): Promise<SessionLookup> {
  if (request.method === 'POST' && isInitializeRequest(request.body)) return { transport: await open() };
  const invalid = request.method === 'POST' ? invalidInitialize(request.body) : undefined;
  if (invalid) return { status: 400, error: invalid };
  return {
    status: 400,
    error: rpcError(-32000, 'No session: send an initialize request first, then the Mcp-Session-Id header'),
  };
}
