import { eq, lt } from 'drizzle-orm';
import type * as Jose from 'jose';
import { type Scope, type Surface, scopesForRole, type UserActor } from '../../../actor.js';
import type { Database } from '../../../db/database.js';
import { UnauthenticatedError } from '../../../errors.js';
import { authBasePath } from '../auth-base-path.js';
import type { AuthHandle } from '../auth-handle.js';
import { revokedAccessTokens, sessions, users } from '../table.js';

/** Signing keys are re-read this often (and at once when a token names a key we do not have). */
const keysTtlMs = 5 * 60_000;

/** Which of our scopes an OAuth scope grants. */
const grantedBy: Record<string, Scope[]> = { mcp: ['mcp'] };

const invalidToken = () =>
  new UnauthenticatedError('INVALID_TOKEN', 'This access token is invalid or expired');

/**
 * Verifies the JWT access tokens our OAuth server issues to MCP clients: signature against our
 * own JWKS, issuer, audience (`PUBLIC_URL/mcp`, the one resource they act on), expiry, an active
 * account, not revoked, and — for a token bound to the session that authorized it (`sid`) — that
 * session not ended. Revokes them too (`/oauth2/revoke`), which Better Auth does not for JWTs.
 */
export function createAccessTokenVerifier({
  auth,
  db,
  publicUrl,
}: {
  auth: AuthHandle;
  db: Database;
  publicUrl: string;
}) {
  let keySet: ReturnType<typeof Jose.createLocalJWKSet> | undefined;
  let loadedAt = 0;

  async function signingKeys(refresh: boolean) {
    if (!keySet || refresh || Date.now() - loadedAt > keysTtlMs) {
      const { createLocalJWKSet } = await import('jose');
      keySet = createLocalJWKSet((await (await auth.get()).api.getJwks()) as Jose.JSONWebKeySet);
      loadedAt = Date.now();
    }
    return keySet;
  }

  /**
   * The token's payload, or INVALID_TOKEN when the token does not verify. Loading the keys is not
   * the token's fault: a failure there (sign-in unavailable, the database) passes as it is, so a
   * client keeps a good token rather than being sent to authorise again.
   */
  async function verifyJwt(token: string) {
    const options = {
      issuer: [publicUrl, `${publicUrl}${authBasePath}`],
      audience: `${publicUrl}/mcp`,
    };
    // jose comes with Better Auth (on first use, not at start); imported once, then a resolved promise.
    const { jwtVerify } = await import('jose');
    const keys = await signingKeys(false);
    try {
      return (await jwtVerify(token, keys, options)).payload;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw invalidToken();
    }
    // A key we had not loaded (rotated since): the keys are loaded again, once.
    const rotated = await signingKeys(true);
    try {
      return (await jwtVerify(token, rotated, options)).payload;
    } catch {
      throw invalidToken();
    }
  }

  /** True when the token was revoked, or the session it is bound to has ended (signed out). */
  async function ended(payload: { jti?: unknown; sid?: unknown }): Promise<boolean> {
    if (typeof payload.jti !== 'string') return true;
    const [revoked] = await db
      .select({ jti: revokedAccessTokens.jti })
      .from(revokedAccessTokens)
      .where(eq(revokedAccessTokens.jti, payload.jti));
    if (revoked) return true;
    if (payload.sid === undefined) return false;
    if (typeof payload.sid !== 'string') return true;
    const [session] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, payload.sid));
    return !session;
  }

  return {
    async verify(token: string, surface: Surface): Promise<UserActor> {
      const payload = await verifyJwt(token);
      if (await ended(payload)) throw invalidToken();
      const [user] = payload.sub ? await db.select().from(users).where(eq(users.id, payload.sub)) : [];
      if (!user?.active) throw invalidToken();
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

    /**
     * Revokes an access token for the client it was issued to (RFC 7009): true when it is ours
     * and that client's, and is now refused until it expires; false for anything else (another
     * client's token, an expired or foreign one), which the caller answers as RFC 7009 says, the
     * same way, so a client learns nothing about tokens not its own.
     */
    async revoke({ token, clientId }: { token: string; clientId: string }): Promise<boolean> {
      const payload = await verifyJwt(token).catch(() => undefined);
      if (!payload || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return false;
      if (payload.azp !== clientId && payload.client_id !== clientId) return false;
      await db
        .insert(revokedAccessTokens)
        .values({ jti: payload.jti, expiresAt: new Date(payload.exp * 1000) })
        .onConflictDoNothing();
      // What would have expired anyway needs no remembering.
      await db.delete(revokedAccessTokens).where(lt(revokedAccessTokens.expiresAt, new Date()));
      return true;
    },
  };
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;
