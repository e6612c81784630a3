import type { FastifyInstance, onSendHookHandler } from 'fastify';

/**
 * OAuth protected-resource metadata for /mcp (RFC 9728), for clients that arrive without
 * credentials; returns the /mcp route's hook that adds the `WWW-Authenticate` header pointing
 * them to it.
 */
export function registerProtectedResource(
  app: FastifyInstance,
  { publicUrl, authorizationServer }: { publicUrl: string; authorizationServer: () => Promise<string> },
) {
  const resource = `${publicUrl}/mcp`;
  const metadataUrl = `${publicUrl}/.well-known/oauth-protected-resource/mcp`;

  const resourceMetadata = async () => ({
    resource,
    authorization_servers: [await authorizationServer()],
    scopes_supported: ['mcp'],
    bearer_methods_supported: ['header'],
    resource_name: 'Switchboard',
  });
  for (const url of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
    app.get(url, { schema: { hide: true } }, resourceMetadata);
  }

  return { challenge: challengeHook(metadataUrl) };
}

/**
 * The /mcp route's onSend hook that adds `WWW-Authenticate` to its 401 and 403. A route hook, not
 * a global one: every other route's answer (a probe's, a page's) passed through it for nothing.
 */
function challengeHook(metadataUrl: string): onSendHookHandler {
  return (request, reply, payload, done) => {
    // RFC 6750 §3.1: a token that was sent and refused is invalid_token; no credentials, no error code.
    if (reply.statusCode === 401)
      reply.header(
        'www-authenticate',
        request.headers.authorization
          ? `Bearer error="invalid_token", resource_metadata="${metadataUrl}"`
          : `Bearer resource_metadata="${metadataUrl}"`,
      );
    if (reply.statusCode === 403)
      reply.header(
        'www-authenticate',
        `Bearer error="insufficient_scope", scope="mcp", resource_metadata="${metadataUrl}"`,
      );
    done(null, payload);
  };
}
