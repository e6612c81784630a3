import type { FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request, resolved from its credentials before any route runs; null when nobody signed in. */
    actor: Actor | null;
  }
}

/** The header that carries the client address we determined (TRUST_PROXY aware) to Fetch-style code. */
export const clientIpHeader = 'x-switchboard-client-ip';

/**
 * Node's request headers as a Fetch API Headers object (what Better Auth and other Fetch-style code
 * take), with the client address as we determined it — whatever the client sent in that header.
 */
export function webHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  headers.set(clientIpHeader, request.ip);
  return headers;
}

/** The caller as seen by services that audit it. */
export function clientInfo(request: FastifyRequest) {
  return { headers: webHeaders(request), ip: request.ip, userAgent: request.headers['user-agent'] };
}
