import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth-tables.js';

/** Better Auth's tables (users, sessions, accounts, OAuth clients and tokens, signing keys). */
export * from './auth-tables.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull();

/** API keys: only a SHA-256 hash of the key is kept; `prefix` is its first characters, for people to tell keys apart. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('api_keys_owner_idx').on(table.ownerId, table.id)],
);

/** Invite links: whoever holds the token may create one account (while SIGNUP_POLICY=invite). */
export const invites = pgTable('invites', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email'),
  role: text('role').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: text('used_by'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The security log: append-only, pruned by age (AUDIT_RETENTION_DAYS). `actor_id` is who acted
 * (null when unknown, e.g. a failed sign-in for an unknown email); `subject` what it was done to.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    status: text('status').notNull(),
    surface: text('surface').notNull(),
    subject: text('subject'),
    reason: text('reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    durationMs: integer('duration_ms'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_actor_idx').on(table.actorId, table.id),
    index('audit_log_action_idx').on(table.action, table.id),
  ],
);

/** Fixed-window counters for rate limits, shared by every instance on the database. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
});

/**
 * OAuth access tokens revoked before they expire (RFC 7009). The tokens are JWTs, checked without
 * a lookup of their own, so a revoked one is remembered here by its `jti` until it would have
 * expired anyway.
 */
export const revokedAccessTokens = pgTable(
  'revoked_access_tokens',
  {
    jti: text('jti').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('revoked_access_tokens_expires_idx').on(table.expiresAt)],
);

/** Values the instance makes for itself once, such as the signing secret when AUTH_SECRET is not set. */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
