/** The http loopback hosts RFC 8252 §7.3 lets a native client's redirect URI use, on any port. */
const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

function isLoopbackRedirect(uri: unknown): boolean {
  if (typeof uri !== 'string') return false;
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * A dynamic registration (RFC 7591) whose redirect URIs are all http loopback ones is a native
 * client's (RFC 8252 §7.3), which MCP clients are; they do not send `application_type`, and
 * Better Auth would take them for web clients and refuse the URIs. Any other body is unchanged.
 */
export function registrationWithLoopbackAsNative(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const metadata = body as { application_type?: unknown; redirect_uris?: unknown };
  const redirects = metadata.redirect_uris;
  if (metadata.application_type !== undefined || !Array.isArray(redirects) || redirects.length === 0)
    return body;
  return redirects.every(isLoopbackRedirect) ? { ...metadata, application_type: 'native' } : body;
}

/** A field of an OAuth request body: a form (as text) or JSON. */
export function formField(body: unknown, name: string): string | undefined {
  if (typeof body === 'string') return new URLSearchParams(body).get(name) ?? undefined;
  if (typeof body === 'object' && body !== null) {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The client an OAuth request authenticates as: HTTP Basic (RFC 6749 §2.3.1) or `client_id` in the body. */
export function requestingClient(authorization: string | undefined, body: unknown): string | undefined {
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString();
    const separator = decoded.indexOf(':');
    if (separator > 0) return decodeURIComponent(decoded.slice(0, separator));
  }
  return formField(body, 'client_id');
}
