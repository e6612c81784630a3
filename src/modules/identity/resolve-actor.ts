import { type Actor, type Surface, scopesForRole, systemActor, type UserActor } from '../../actor.js';
import { UnauthenticatedError } from '../../errors.js';
import type { AuthHandle } from './auth-handle.js';
import type { AccessTokenVerifier } from './service/access-tokens.js';
import { apiKeyPrefix, type ApiKeysService } from './service/api-keys.js';
import type { AuditService } from './service/audit.js';

/** The request facts actor resolution needs, whatever the transport. */
export interface CredentialSource {
  headers: Headers;
  surface: Surface;
  ip?: string;
  userAgent?: string;
}

/** Who is calling (null: nobody signed in), and cookies to send back when a session was refreshed. */
export interface Resolved {
  actor: UserActor | null;
  setCookies: string[];
}

/**
 * Turns a request's credentials into an Actor: `Authorization: Bearer` with an API key (`sb_…`) or
 * an OAuth access token, else the session cookie. A bearer credential that does not check out is
 * 401 at once; no credential at all is an anonymous caller, which routes may refuse.
 */
export function createActorResolver({
  auth,
  apiKeys,
  audit,
  accessTokens,
}: {
  auth: AuthHandle;
  apiKeys: ApiKeysService;
  audit: AuditService;
  accessTokens: AccessTokenVerifier;
}) {
  async function fromApiKey(key: string, source: CredentialSource): Promise<UserActor> {
    const result = await apiKeys.verify(key);
    // A key we never issued is not audited: anyone could fill the log with made-up ones.
    if ('refused' in result && result.refused !== 'unknown_key') {
      await audit.record(systemActor as Actor, {
        action: 'api_key.use_denied',
        status: 'denied',
        surface: source.surface,
        actorId: result.userId ?? null,
        subject: result.apiKeyId,
        reason: result.refused,
        ip: source.ip,
        userAgent: source.userAgent,
      });
    }
    if ('refused' in result)
      throw new UnauthenticatedError('INVALID_API_KEY', 'This API key is unknown, revoked or expired');
    const { apiKey, user } = result;
    const allowed = scopesForRole(user.role);
    return {
      type: 'user',
      userId: user.id,
      role: user.role,
      scopes: apiKey.scopes.filter((scope) => allowed.includes(scope)),
      via: source.surface,
      credential: { kind: 'api_key', id: apiKey.id },
    };
  }

  return async function resolveActor(source: CredentialSource): Promise<Resolved> {
    const authorization = source.headers.get('authorization');
    if (authorization) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      if (!token)
        throw new UnauthenticatedError(
          'INVALID_CREDENTIALS',
          'Send credentials as "Authorization: Bearer <key or token>"',
        );
      const actor = token.startsWith(apiKeyPrefix)
        ? await fromApiKey(token, source)
        : await accessTokens.verify(token, source.surface);
      return { actor, setCookies: [] };
    }
    if (!source.headers.get('cookie')) return { actor: null, setCookies: [] };
    const { headers, response } = await (
      await auth.get()
    ).api.getSession({ headers: source.headers, returnHeaders: true });
    const setCookies = headers.getSetCookie();
    if (!response || response.user.active === false) return { actor: null, setCookies };
    const role = response.user.role === 'admin' ? 'admin' : 'user';
    return {
      actor: {
        type: 'user',
        userId: response.user.id,
        role,
        scopes: scopesForRole(role),
        via: source.surface,
        credential: { kind: 'session', id: response.session.id },
      },
      setCookies,
    };
  };
}

export type ActorResolver = ReturnType<typeof createActorResolver>;
