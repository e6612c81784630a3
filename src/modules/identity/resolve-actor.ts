import { type Actor, type Surface, scopesForRole, systemActor, type UserActor } from '../../actor.js';
import { UnauthenticatedError } from '../../errors.js';
import type { AuthHandle } from './auth-handle.js';
import type { AccessTokenVerifier } from './service/access-tokens.js';
import { apiKeyPrefix, type ApiKeysService, type VerifiedApiKey } from './service/api-keys.js';
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
    return actorOfKey(result, source.surface);
  }

  return async function resolveActor(source: CredentialSource): Promise<Resolved> {
    const authorization = source.headers.get('authorization');
    if (authorization) {
      const token = bearerToken(authorization);
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

/**
 * The actor of a request whose `Authorization` is an API key remembered as checked (see
 * `ApiKeysService.recall`), at once; undefined for any other credential, which `resolveActor`
 * resolves. Not async: a busy client's requests end here, and on Node 20 every promise costs the
 * durable engine's promise hook (the async path made eight a request).
 */
export function createRememberedKeyResolver(apiKeys: ApiKeysService) {
  return (authorization: string | undefined, surface: Surface): UserActor | undefined => {
    const token = authorization === undefined ? undefined : bearerToken(authorization);
    if (!token?.startsWith(apiKeyPrefix)) return undefined;
    const verified = apiKeys.recall(token);
    return verified && actorOfKey(verified, surface);
  };
}

function bearerToken(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
}

/** The actor a checked key acts as: its owner, with the key's scopes that the owner's role allows. */
function actorOfKey({ apiKey, user }: VerifiedApiKey, surface: Surface): UserActor {
  const allowed = scopesForRole(user.role);
  return {
    type: 'user',
    userId: user.id,
    role: user.role,
    scopes: apiKey.scopes.filter((scope) => allowed.includes(scope)),
    via: surface,
    credential: { kind: 'api_key', id: apiKey.id },
  };
}
