import type { EventBus } from '../../bus/event-bus.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { IdGenerator } from '../../ids.js';
import type { Logger } from '../../logger.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Auth } from './auth.js';
import { lazyAuth } from './auth-handle.js';
import { createActorResolver, createRememberedKeyResolver } from './resolve-actor.js';
import { loadAuthSecret } from './secret.js';
import { createAccessTokenVerifier } from './service/access-tokens.js';
import { createApiKeysService } from './service/api-keys.js';
import { createAuditService } from './service/audit.js';
import { createAuthFlows } from './service/auth-flows.js';
import { createInvitesService } from './service/invites.js';
import { createRateLimiter } from './service/rate-limiter.js';
import { createSessionsService } from './service/sessions.js';
import { createUsersService } from './service/users.js';
import type { FeatureGate } from '../../features/index.js';

export interface IdentityDeps {
  db: Database;
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
  config: Config;
  logger: Logger;
  /** The instance's feature switches (sign-up is one). */
  features: FeatureGate;
}

/** Builds the identity module: every service around Better Auth, wired once; Better Auth itself on first use. */
export async function createIdentityServices({
  db,
  bus,
  clock,
  ids,
  config,
  logger,
  features,
}: IdentityDeps) {
  const secret = await loadAuthSecret(db, config.authSecret);
  // Imported and started on first use (a server does it once it listens: see app.ts's warm-ups).
  const auth = lazyAuth(async () => {
    const { createAuth } = await import('./auth.js');
    return startAuth(() => createAuth({ db, config, secret, ids, logger }));
  });
  const audit = createAuditService({ db, clock, ids, logger, retentionDays: config.auditRetentionDays });
  const apiKeys = createApiKeysService({ db, clock, ids, bus, audit });
  const users = createUsersService({
    db,
    auth,
    bus,
    audit,
    passwordMinLength: config.passwordMinLength,
    onAccountChanged: (userId) => apiKeys.forget({ userId }),
  });
  // Other instances forget the same credentials when the events reach them.
  bus.subscribe('*', (event) => {
    if (event.type === 'api_key.revoked') apiKeys.forget({ apiKeyId: event.data.api_key_id });
    if (event.type === 'user.updated') apiKeys.forget({ userId: event.data.user_id });
  });
  const sessions = createSessionsService({ db, clock, bus, audit });
  const invites = createInvitesService({ db, clock, ids, audit, publicUrl: config.publicUrl });
  const limiter = createRateLimiter({ db, clock });
  const flows = createAuthFlows({ db, auth, bus, clock, config, audit, limiter, users, invites, features });
  const accessTokens = createAccessTokenVerifier({ auth, db, publicUrl: config.publicUrl });
  const resolveActor = createActorResolver({ auth, apiKeys, audit, accessTokens });
  const rememberedKeyActor = createRememberedKeyResolver(apiKeys);
  return {
    auth,
    audit,
    users,
    sessions,
    apiKeys,
    invites,
    flows,
    accessTokens,
    resolveActor,
    rememberedKeyActor,
  };
}

/**
 * Creates Better Auth and waits for its start-up, which seeds rows (the OAuth resources). Instances
 * starting together on one Postgres can race to insert the same row; the loser starts again and
 * finds it there.
 */
async function startAuth(create: () => Auth): Promise<Auth> {
  for (let attempt = 1; ; attempt++) {
    const auth = create();
    try {
      await auth.$context;
      return auth;
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

export type IdentityServices = Awaited<ReturnType<typeof createIdentityServices>>;
