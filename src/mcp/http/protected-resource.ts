import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * OAuth protected-resource metadata for /mcp (RFC 9728), for clients that arrive without
 * credentials, and the `WWW-Authenticate` header on /mcp's 401 and 403 that points them to it.
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

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/mcp')) challenge(request, reply);
    done(null, payload);
  });

  /** The WWW-Authenticate header of a refused /mcp request. */
  function challenge(request: FastifyRequest, reply: FastifyReply) {
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
  }
}
