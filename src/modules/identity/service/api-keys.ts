import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor, Scope } from '../../../actor.js';
import { ForbiddenError } from '../../../errors.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { ApiKeyNotFoundError } from '../errors.js';
import { requireScope, requireUser } from '../../../actor-policy.js';
import {
  type CreateApiKeyInput,
  createApiKeyInputSchema,
  type CreatedApiKey,
  type PublicApiKey,
} from '../schema.js';
import { apiKeys, users } from '../table.js';
import type { AuditService } from './audit.js';
import '../events.js';

/** Every key starts with this, so leaked keys are easy to search for. */
export const apiKeyPrefix = 'sb_';
const dayMs = 24 * 60 * 60 * 1000;
/** Last-used times are written at most this often per key, not on every request. */
const touchEveryMs = 60_000;

type ApiKeyRow = typeof apiKeys.$inferSelect;

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** An API key as clients see it (never the key itself). */
function toApiKeyView(row: ApiKeyRow): PublicApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Scope[],
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** A key that checked out, and the account it acts for. */
export interface VerifiedApiKey {
  apiKey: PublicApiKey;
  user: { id: string; role: 'user' | 'admin' };
}

/**
 * API keys for programs and MCP clients. A key is shown once at creation; only its hash is kept.
 * A key never carries more scopes than the credential that made it.
 */
/** How long a verified key is remembered (see verify). */
const rememberMs = 10_000;

interface Remembered {
  verified: VerifiedApiKey;
  until: number;
  touchedAt: number;
}

export function createApiKeysService({ db, clock, ids, bus, audit }: ServiceDeps & { audit: AuditService }) {
  const remembered = new Map<string, Remembered>();
  /** Bumped by every forget: a lookup that started before one must not remember what it read. */
  let generation = 0;

  /**
   * Records when a key was last used, at most once a minute per key: the write to wait for, or
   * nothing. Not async: on the other 59 seconds' requests it makes no promise (each costs the
   * engine's promise hook on Node 20).
   */
  function touch(entry: Remembered, now: Date): PromiseLike<unknown> | undefined {
    if (now.getTime() - entry.touchedAt <= touchEveryMs) return undefined;
    entry.touchedAt = now.getTime();
    return db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(eq(apiKeys.id, entry.verified.apiKey.id))
      .execute(); // sent now, awaited or not
  }

  /** The remembered check of a key's hash, while it holds (remembered, and the key not expired). */
  function rememberedAt(hash: string, now: Date): Remembered | undefined {
    const known = remembered.get(hash);
    if (!known || known.until <= now.getTime()) return undefined;
    const expiresAt = known.verified.apiKey.expires_at;
    return expiresAt && Date.parse(expiresAt) <= now.getTime() ? undefined : known;
  }

  return {
    /**
     * A key `verify` checked and remembers, when its last use needs no write now: at once, without
     * a promise (a busy client's requests); undefined otherwise, and then `verify` decides.
     */
    recall(key: string): VerifiedApiKey | undefined {
      if (!key.startsWith(apiKeyPrefix)) return undefined;
      const now = clock.now();
      const known = rememberedAt(hashApiKey(key), now);
      return known && now.getTime() - known.touchedAt <= touchEveryMs ? known.verified : undefined;
    },

    async create(actor: Actor, input: CreateApiKeyInput): Promise<CreatedApiKey> {
      const user = requireScope(actor, 'api:write');
      const { name, scopes, expires_in_days } = createApiKeyInputSchema.parse(input);
      const beyond = scopes.filter((scope) => !user.scopes.includes(scope));
      if (beyond.length > 0) {
        throw new ForbiddenError(
          'SCOPE_NOT_ALLOWED',
          `You may not grant ${beyond.join(', ')}: your own access lacks it`,
        );
      }
      const key = `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
      const now = clock.now();
      const [row] = await db
        .insert(apiKeys)
        .values({
          id: ids(),
          ownerId: user.userId,
          name,
          prefix: key.slice(0, 10),
          keyHash: hashApiKey(key),
          scopes: [...new Set(scopes)],
          expiresAt: expires_in_days ? new Date(now.getTime() + expires_in_days * dayMs) : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('The API key was not stored');
      await bus.publish(actor, 'api_key.created', { api_key_id: row.id, user_id: user.userId });
      await audit.record(actor, {
        action: 'api_key.create',
        status: 'success',
        subject: row.id,
        details: { name, scopes },
      });
      return { api_key: toApiKeyView(row), key };
    },

    /** The actor's keys, revoked ones included, newest first. */
    async list(actor: Actor): Promise<PublicApiKey[]> {
      const user = requireUser(actor);
      const rows = await db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.ownerId, user.userId))
        .orderBy(desc(apiKeys.id));
      return rows.map(toApiKeyView);
    },

    /** Revokes one of the actor's keys (an admin or the system may revoke anyone's). */
    async revoke(actor: Actor, apiKeyId: string): Promise<void> {
      const isAdmin = actor.type === 'system' || (actor.role === 'admin' && actor.scopes.includes('admin'));
      const owner = isAdmin ? undefined : requireUser(actor).userId;
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: clock.now(), updatedAt: clock.now() })
        .where(and(eq(apiKeys.id, apiKeyId), owner ? eq(apiKeys.ownerId, owner) : undefined))
        .returning();
      if (!row) throw new ApiKeyNotFoundError(apiKeyId);
      this.forget({ apiKeyId });
      await bus.publish(actor, 'api_key.revoked', { api_key_id: apiKeyId, user_id: row.ownerId });
      await audit.record(actor, { action: 'api_key.revoke', status: 'success', subject: apiKeyId });
    },

    /**
     * Checks a presented key: unknown, revoked, expired or owned by a deactivated user is a reason
     * string. A key that checked out is remembered for a few seconds, so a busy client costs no
     * query per request; revoking it or changing its owner's account forgets it at once here, and
     * on other instances as soon as the event reaches them.
     */
    async verify(
      key: string,
    ): Promise<VerifiedApiKey | { refused: string; apiKeyId?: string; userId?: string }> {
      if (!key.startsWith(apiKeyPrefix)) return { refused: 'not_an_api_key' };
      const hash = hashApiKey(key);
      const now = clock.now();
      const known = rememberedAt(hash, now);
      if (known) {
        const touching = touch(known, now);
        if (touching) await touching;
        return known.verified;
      }
      const startedAt = generation;
      const [found] = await db
        .select({ key: apiKeys, role: users.role, active: users.active })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.ownerId))
        .where(eq(apiKeys.keyHash, hash));
      if (!found) return { refused: 'unknown_key' };
      const ids = { apiKeyId: found.key.id, userId: found.key.ownerId };
      if (found.key.revokedAt) return { refused: 'revoked', ...ids };
      if (found.key.expiresAt && found.key.expiresAt <= now) return { refused: 'expired', ...ids };
      if (!found.active) return { refused: 'user_deactivated', ...ids };
      const verified: VerifiedApiKey = {
        apiKey: toApiKeyView(found.key),
        user: { id: found.key.ownerId, role: found.role === 'admin' ? 'admin' : 'user' },
      };
      const entry = {
        verified,
        until: now.getTime() + rememberMs,
        touchedAt: found.key.lastUsedAt?.getTime() ?? 0,
      };
      if (startedAt === generation) remembered.set(hash, entry);
      await touch(entry, now);
      return verified;
    },

    /** Forgets remembered keys: one key, or every key of a user (their account changed). */
    forget({ apiKeyId, userId }: { apiKeyId?: string; userId?: string }): void {
      generation++;
      for (const [hash, { verified }] of remembered) {
        if (verified.apiKey.id === apiKeyId || verified.user.id === userId) remembered.delete(hash);
      }
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
