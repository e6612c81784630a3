import { and, asc, desc, eq, gt, isNotNull, like, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import { escapeLike } from '../../../db/like.js';
import type { ServiceDeps } from '../../../service-deps.js';
import { ContextConflictError, ContextEntryNotFoundError, ContextVersionNotFoundError } from '../errors.js';
import { applyMergePatch, mergeConflicts } from '../json-merge.js';
import {
  type ContextEntry,
  type ContextEntryPage,
  type ContextHistoryPage,
  type DeleteEntryInput,
  deleteEntryInputSchema,
  historyInputSchema,
  type HistoryInput,
  type ListEntriesInput,
  listEntriesInputSchema,
  type PatchEntryInput,
  patchEntryInputSchema,
  type RestoreEntryInput,
  restoreEntryInputSchema,
  type SetEntryInput,
  setEntryInputSchema,
} from '../schema.js';
import { contextEntries, contextEntryVersions, type StoredJson } from '../table.js';
import { audienceOf, loadSpace } from './access.js';
import { toEntryView, toVersionView } from './views.js';

/** How a write is made: with the idempotency key of the act (a workflow step's), a repeat writes nothing. */
export interface WriteOptions {
  idempotencyKey?: string | undefined;
}
import { assertAtVersion, type DecideChange, writeEntry } from './write-entry.js';

/** The entries of a space: read, written compare-and-set, merged, deleted, restored; every version kept. */
export function createEntryOperations({ db, clock, bus }: ServiceDeps) {
  async function write(
    actor: Actor,
    spaceId: string,
    key: string,
    decide: DecideChange,
    options: WriteOptions,
  ): Promise<ContextEntry> {
    const { space, userId } = await loadSpace(db, actor, spaceId, 'write');
    const { entry, change } = await writeEntry(db, {
      spaceId,
      key,
      authorId: userId,
      now: clock.now(),
      decide,
      ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    });
    await bus.publish(actor, 'context.entry.changed', {
      space_id: space.id,
      owner_id: space.ownerId,
      key: entry.key,
      version: entry.version,
      change,
      deleted: entry.deleted,
      audience: await audienceOf(db, space),
    });
    return entry;
  }

  async function versionValue(spaceId: string, key: string, version: number): Promise<StoredJson | null> {
    const [row] = await db
      .select({ value: contextEntryVersions.value })
      .from(contextEntryVersions)
      .where(
        and(
          eq(contextEntryVersions.spaceId, spaceId),
          eq(contextEntryVersions.key, key),
          eq(contextEntryVersions.version, version),
        ),
      );
    if (!row) throw new ContextVersionNotFoundError(key, version);
    return row.value ?? null;
  }

  return {
    /** The entry's current value; a deleted entry is not found. */
    async get(actor: Actor, spaceId: string, key: string): Promise<ContextEntry> {
      await loadSpace(db, actor, spaceId, 'read');
      const [row] = await db
        .select()
        .from(contextEntries)
        .where(and(eq(contextEntries.spaceId, spaceId), eq(contextEntries.key, key)));
      if (!row || row.value === null) throw new ContextEntryNotFoundError(key);
      return toEntryView(row);
    },

    /** The space's entries in key order, a page at a time. */
    async list(actor: Actor, spaceId: string, input: ListEntriesInput): Promise<ContextEntryPage> {
      await loadSpace(db, actor, spaceId, 'read');
      const { prefix, include_deleted, limit, cursor } = listEntriesInputSchema.parse(input);
      const conditions: SQL[] = [eq(contextEntries.spaceId, spaceId)];
      if (prefix) conditions.push(like(contextEntries.key, `${escapeLike(prefix)}%`));
      if (!include_deleted) conditions.push(isNotNull(contextEntries.value));
      if (cursor) conditions.push(gt(contextEntries.key, cursor));
      const rows = await db
        .select()
        .from(contextEntries)
        .where(and(...conditions))
        .orderBy(asc(contextEntries.key))
        .limit(limit + 1);
      const shown = rows.slice(0, limit);
      return {
        items: shown.map(toEntryView),
        next_cursor: rows.length > limit ? (shown.at(-1)?.key ?? null) : null,
      };
    },

    /** Sets the value; with `if_version`, only if nobody wrote since (409 CONTEXT_CONFLICT with the current entry). */
    set(
      actor: Actor,
      spaceId: string,
      key: string,
      input: SetEntryInput,
      options: WriteOptions = {},
    ): Promise<ContextEntry> {
      const { value, if_version } = setEntryInputSchema.parse(input);
      return write(
        actor,
        spaceId,
        key,
        async (current) => {
          assertAtVersion(current, if_version);
          return { value: value as StoredJson, change: 'set' };
        },
        options,
      );
    },

    /**
     * Applies a JSON Merge Patch. With `if_version` older than the current version, it is merged
     * three-way: it still applies when the other writers changed other fields; the fields both
     * changed differently are reported one by one (409 CONTEXT_CONFLICT with `conflicts`).
     */
    patch(
      actor: Actor,
      spaceId: string,
      key: string,
      input: PatchEntryInput,
      options: WriteOptions = {},
    ): Promise<ContextEntry> {
      const { patch, if_version } = patchEntryInputSchema.parse(input);
      return write(
        actor,
        spaceId,
        key,
        async (current) => {
          const theirs = current?.value ?? undefined;
          const behind =
            if_version !== undefined &&
            if_version > 0 &&
            current !== undefined &&
            if_version < current.version;
          if (!behind) assertAtVersion(current, if_version);
          else {
            const base = await versionValue(spaceId, key, if_version).catch(() => {
              throw new ContextConflictError(toEntryView(current));
            });
            const conflicts = mergeConflicts({ base: base ?? undefined, theirs, patch });
            if (conflicts.length > 0) throw new ContextConflictError(toEntryView(current), conflicts);
          }
          return { value: applyMergePatch(theirs, patch) as StoredJson, change: 'patch' };
        },
        options,
      );
    },

    /** Deletes the entry: a tombstone version, kept until the retention setting purges it. */
    delete(
      actor: Actor,
      spaceId: string,
      key: string,
      input: DeleteEntryInput = {},
      options: WriteOptions = {},
    ): Promise<ContextEntry> {
      const { if_version } = deleteEntryInputSchema.parse(input);
      return write(
        actor,
        spaceId,
        key,
        async (current) => {
          if (!current || current.value === null) throw new ContextEntryNotFoundError(key);
          assertAtVersion(current, if_version);
          return { value: null, change: 'delete' };
        },
        options,
      );
    },

    /** Makes an old version's value the current one again, as a new version. */
    async restore(
      actor: Actor,
      spaceId: string,
      key: string,
      input: RestoreEntryInput,
      options: WriteOptions = {},
    ): Promise<ContextEntry> {
      const { version, if_version } = restoreEntryInputSchema.parse(input);
      await loadSpace(db, actor, spaceId, 'write');
      const value = await versionValue(spaceId, key, version);
      return write(
        actor,
        spaceId,
        key,
        async (current) => {
          assertAtVersion(current, if_version);
          return { value, change: 'restore' };
        },
        options,
      );
    },

    /** The entry's versions, newest first: who wrote each, when, its value and the diff from the one before. */
    async history(
      actor: Actor,
      spaceId: string,
      key: string,
      input: HistoryInput,
    ): Promise<ContextHistoryPage> {
      await loadSpace(db, actor, spaceId, 'read');
      const { limit, before_version } = historyInputSchema.parse(input);
      const conditions: SQL[] = [
        eq(contextEntryVersions.spaceId, spaceId),
        eq(contextEntryVersions.key, key),
      ];
      if (before_version !== undefined) conditions.push(lt(contextEntryVersions.version, before_version));
      const rows = await db
        .select()
        .from(contextEntryVersions)
        .where(and(...conditions))
        .orderBy(desc(contextEntryVersions.version))
        .limit(limit + 1);
      if (rows.length === 0 && before_version === undefined) throw new ContextEntryNotFoundError(key);
      const shown = rows.slice(0, limit);
      return {
        items: shown.map(toVersionView),
        next_before_version: rows.length > limit ? (shown.at(-1)?.version ?? null) : null,
      };
    },
  };
}
