import { eq } from 'drizzle-orm';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { type Scope, type Surface, scopesForRole, type UserActor } from '../../../actor.js';
import type { Database } from '../../../db/database.js';
import { UnauthenticatedError } from '../../../errors.js';
import { type Auth, authBasePath } from '../auth.js';
import { users } from '../table.js';

/** Signing keys are re-read this often (and at once when a token names a key we do not have). */
const keysTtlMs = 5 * 60_000;

/** Which of our scopes an OAuth scope grants. */
const grantedBy: Record<string, Scope[]> = { mcp: ['mcp'] };

/**
 * Verifies the JWT access tokens our OAuth server issues to MCP clients: signature against our
 * own JWKS, issuer, audience (this instance or its /mcp), expiry, and an active account.
 */
export function createAccessTokenVerifier({
  auth,
  db,
  publicUrl,
}: {
  auth: Auth;
  db: Database;
  publicUrl: string;
}) {
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let loadedAt = 0;

  async function signingKeys(refresh: boolean) {
    if (!keySet || refresh || Date.now() - loadedAt > keysTtlMs) {
      keySet = createLocalJWKSet((await auth.api.getJwks()) as JSONWebKeySet);
      loadedAt = Date.now();
    }
    return keySet;
  }

  async function verifyJwt(token: string) {
    const options = {
      issuer: [publicUrl, `${publicUrl}${authBasePath}`],
      audience: [publicUrl, `${publicUrl}/mcp`],
    };
    try {
      return (await jwtVerify(token, await signingKeys(false), options)).payload;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
      return (await jwtVerify(token, await signingKeys(true), options)).payload;
    }
  }

  return {
    async verify(token: string, surface: Surface): Promise<UserActor> {
      const payload = await verifyJwt(token).catch(() => {
        throw new UnauthenticatedError('INVALID_TOKEN', 'This access token is invalid or expired');
      });
      const [user] = payload.sub ? await db.select().from(users).where(eq(users.id, payload.sub)) : [];
      if (!user?.active)
        throw new UnauthenticatedError('INVALID_TOKEN', 'This access token is invalid or expired');
      const role = user.role === 'admin' ? 'admin' : 'user';
      const tokenScopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
      const granted = tokenScopes.flatMap((scope) => grantedBy[scope] ?? []);
      return {
        type: 'user',
        userId: user.id,
        role,
        scopes: scopesForRole(role).filter((scope) => granted.includes(scope)),
        via: surface,
        credential: {
          kind: 'oauth',
          id: typeof payload.jti === 'string' ? payload.jti : ((payload.azp as string) ?? 'token'),
        },
      };
    },
  };
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;
