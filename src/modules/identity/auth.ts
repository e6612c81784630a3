import { drizzleAdapter } from '@better-auth/drizzle-adapter';
import { APIError } from 'better-auth/api';
import { betterAuth } from 'better-auth/minimal';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { clientIpHeader } from '../../http/request-context.js';
import type { Database } from '../../db/database.js';
import type { IdGenerator } from '../../ids.js';
import type { Logger } from '../../logger.js';
import { authBasePath } from './auth-base-path.js';
import { authPlugins, userFields } from './auth-options.js';
import * as tables from './table.js';

/** OAuth access tokens for MCP clients are short-lived; refresh tokens renew them. */
export const accessTokenSeconds = 3600;

/**
 * The Better Auth instance: email and password accounts, cookie sessions, signing keys (JWKS) and
 * the OAuth 2.1 authorization server for MCP clients, stored through Drizzle in our database.
 * Rate limiting, roles and API keys are ours (see docs/decisions.md).
 */
export function createAuth({
  db,
  config,
  secret,
  ids,
  logger,
}: {
  db: Database;
  config: Config;
  secret: string;
  ids: IdGenerator;
  logger: Logger;
}) {
  return betterAuth({
    appName: 'Switchboard',
    baseURL: config.publicUrl,
    basePath: authBasePath,
    secret,
    database: drizzleAdapter(db, { provider: 'pg', schema: tables, usePlural: true }),
    emailAndPassword: { enabled: true, minPasswordLength: config.passwordMinLength, maxPasswordLength: 256 },
    session: {
      expiresIn: config.sessionTtlHours * 3600,
      updateAge: Math.min(3600, (config.sessionTtlHours * 3600) / 4),
    },
    user: { additionalFields: userFields },
    trustedOrigins: [config.publicUrl, ...config.trustedOrigins],
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: 'switchboard',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => ids() },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
      // Better Auth skips its Origin check under NODE_ENV=test; tests run what production runs.
      disableOriginCheck: false,
    },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const [user] = await db
              .select({ active: tables.users.active })
              .from(tables.users)
              .where(eq(tables.users.id, session.userId));
            if (user && !user.active) {
              throw new APIError('FORBIDDEN', {
                code: 'ACCOUNT_DEACTIVATED',
                message: 'This account is deactivated. Ask an admin to reactivate it.',
              });
            }
          },
        },
      },
    },
    logger: {
      log(level, message, ...args) {
        logger[level]({ details: args }, `auth: ${message}`);
      },
    },
    plugins: authPlugins({ publicUrl: config.publicUrl, accessTokenSeconds }),
  });
}

export type Auth = ReturnType<typeof createAuth>;
