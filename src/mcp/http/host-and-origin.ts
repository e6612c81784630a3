import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { ForbiddenError } from '../../errors.js';
import { trustedOrigins } from '../../http/origins.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The check against DNS rebinding: a page on another name that resolves here sends its own name as
 * Host and Origin, so both must be names we serve, never just "the origin this request came to".
 * Throws ORIGIN_REJECTED or HOST_REJECTED (403).
 */
export function createHostAndOriginCheck(config: Config): (request: FastifyRequest) => void {
  const allowedOrigins = trustedOrigins(config);
  const allowedHosts = new Set([
    ...loopbackHosts,
    ...[...allowedOrigins].map((origin) => new URL(origin).hostname),
  ]);
  // Parsing the Host header is most of this check's cost, and a server hears few distinct ones: the
  // verdict is remembered per header value (a bounded number, so made-up names cannot fill memory).
  const verdicts = new Map<string, boolean>();
  const hostAllowed = (host: string | undefined) => {
    const known = host === undefined ? undefined : verdicts.get(host);
    if (known !== undefined) return known;
    const allowed = allowedHosts.has(hostnameOf(host));
    if (host !== undefined && verdicts.size < 64) verdicts.set(host, allowed);
    return allowed;
  };
  return (request) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      throw new ForbiddenError('ORIGIN_REJECTED', 'Requests to /mcp from this origin are refused');
    }
    if (!hostAllowed(request.headers.host)) {
      throw new ForbiddenError(
        'HOST_REJECTED',
        'This server answers /mcp only for its own host names (set PUBLIC_URL)',
      );
    }
  };
}

function hostnameOf(host: string | undefined): string {
  try {
    return new URL(`http://${host ?? ''}`).hostname;
  } catch {
    return '';
  }
}
