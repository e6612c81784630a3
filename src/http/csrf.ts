import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors.js';
import { originAllowed, trustedOrigins as trustedOriginsOf } from './origins.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated writes: a state-changing request that carries cookies
 * and no Authorization header must come from our own origin (PUBLIC_URL, the origin it was sent
 * to, or TRUSTED_ORIGINS). Browsers always send Origin on such requests; a request without Origin
 * is refused when Sec-Fetch-Site says it crossed sites. Bearer-authenticated calls are not
 * exposed to CSRF and pass.
 */
export function registerCsrfProtection(
  app: FastifyInstance,
  { publicUrl, trustedOrigins }: { publicUrl: string; trustedOrigins: string[] },
) {
  const allowed = trustedOriginsOf({ publicUrl, trustedOrigins });

  app.addHook('onRequest', (request, _reply, done) =>
    done(crossSite(request, allowed) ? rejected() : undefined),
  );
}

/** Whether a cookie-authenticated write came from another site (a browser says so in Origin or Sec-Fetch-Site). */
function crossSite(request: FastifyRequest, allowed: Set<string>): boolean {
  if (safeMethods.has(request.method) || !request.headers.cookie || request.headers.authorization)
    return false;
  if (request.headers.origin === undefined) {
    const site = request.headers['sec-fetch-site'];
    return !(site === undefined || site === 'same-origin' || site === 'none');
  }
  return !originAllowed(request, allowed);
}

function rejected() {
  return new ForbiddenError('CSRF_REJECTED', 'This request came from another site and was refused');
}
