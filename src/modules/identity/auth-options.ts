import { oauthProvider } from '@better-auth/oauth-provider';
import { jwt } from 'better-auth/plugins/jwt';

/** Switchboard's own columns on Better Auth's user table. */
export const userFields = {
  role: { type: 'string', required: true, defaultValue: 'user', input: false },
  active: { type: 'boolean', required: true, defaultValue: true, input: false },
  lastSignInAt: { type: 'date', required: false, input: false },
} as const;

/** Scopes an MCP client may ask for with an OAuth access token. */
export const oauthScopes = ['openid', 'profile', 'email', 'offline_access', 'mcp'] as const;

/**
 * The Better Auth plugins, in one place: the runtime builds them with the instance's URLs, and
 * `npm run auth:generate` builds them with placeholders to write the tables they need.
 */
export function authPlugins({
  publicUrl,
  accessTokenSeconds,
}: {
  publicUrl: string;
  accessTokenSeconds: number;
}) {
  return [
    jwt({ jwt: { issuer: publicUrl, audience: publicUrl } }),
    oauthProvider({
      loginPage: '/signin',
      consentPage: '/consent',
      scopes: [...oauthScopes],
      allowDynamicClientRegistration: true,
      allowUnauthenticatedClientRegistration: true,
      accessTokenExpiresIn: accessTokenSeconds,
      // The one resource (RFC 8707) tokens are issued for: this instance's MCP endpoint. The bare
      // origin, offered before, stays listed only to be refused (docs/decisions.md).
      resources: [`${publicUrl}/mcp`, { identifier: publicUrl, disabled: true }],
      clientRegistrationDefaultResources: [`${publicUrl}/mcp`],
    }),
  ];
}
