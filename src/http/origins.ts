import type { FastifyRequest } from 'fastify';

/** The web origins we trust: PUBLIC_URL's and TRUSTED_ORIGINS. */
export function trustedOrigins({
  publicUrl,
  trustedOrigins,
}: {
  publicUrl: string;
  trustedOrigins: string[];
}): Set<string> {
  return new Set([publicUrl, ...trustedOrigins].map((url) => new URL(url).origin));
}

/** The origin the request was sent to (scheme and Host), which a same-origin page also has. */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** True when a request's Origin (if any) is ours or trusted. */
export function originAllowed(request: FastifyRequest, allowed: Set<string>): boolean {
  const origin = request.headers.origin;
  return origin === undefined || allowed.has(origin) || origin === ownOrigin(request);
}
