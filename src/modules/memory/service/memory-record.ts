import { and, eq, type SQL } from 'drizzle-orm';
import type { UserActor } from '../../../actor.js';
import { MemoryScopeIdRequiredError } from '../errors.js';
import type { Memory } from '../schema.js';
export { normalizeFact } from '../fact.js';
import { type MemoryRow, memories } from '../table.js';

/** A memory as selected: every column but the search vector. */
export type MemoryRecord = Omit<MemoryRow, 'search'>;

export const memoryColumns = {
  id: memories.id,
  ownerId: memories.ownerId,
  scope: memories.scope,
  scopeId: memories.scopeId,
  text: memories.text,
  normalized: memories.normalized,
  sourceKind: memories.sourceKind,
  sourceId: memories.sourceId,
  tags: memories.tags,
  importance: memories.importance,
  createdAt: memories.createdAt,
  updatedAt: memories.updatedAt,
  lastUsedAt: memories.lastUsedAt,
  usedCount: memories.usedCount,
  archivedAt: memories.archivedAt,
};

export function toMemory(row: MemoryRecord): Memory {
  return {
    id: row.id,
    scope: row.scope,
    scope_id: row.scopeId,
    text: row.text,
    source: { kind: row.sourceKind, id: row.sourceId },
    tags: row.tags,
    importance: row.importance,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    used_count: row.usedCount,
    archived_at: row.archivedAt?.toISOString() ?? null,
  };
}

/** A new memory id: `mem_` and a UUIDv7 without dashes (sorted by creation time). */
export function memoryIdFrom(uuid: string): string {
  return `mem_${uuid.replace(/-/g, '')}`;
}

export type ScopeName = Memory['scope'];

/** Whose memories a request is about: the user's own, or one of their agents' or teams'. */
export interface ScopeKey {
  readonly scope: ScopeName;
  readonly scopeId: string;
}

/** The scope a request names; a user scope is always the actor's own, whatever scope_id says. */
export function scopeKeyOf(
  actor: UserActor,
  input: { scope?: ScopeName; scope_id?: string | undefined },
): ScopeKey {
  const scope = input.scope ?? 'user';
  if (scope === 'user') return { scope, scopeId: actor.userId };
  if (!input.scope_id) throw new MemoryScopeIdRequiredError(scope);
  return { scope, scopeId: input.scope_id };
}

/** The rows of one owner's scope. */
export function inScope(ownerId: string, key: ScopeKey): SQL {
  return and(
    eq(memories.ownerId, ownerId),
    eq(memories.scope, key.scope),
    eq(memories.scopeId, key.scopeId),
  ) as SQL;
}
