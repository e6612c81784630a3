import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { runEffectOnce } from '../../../engine/index.js';
import type { ContextEntry } from '../schema.js';
import { ContextConflictError, ContextValueTooLargeError } from '../errors.js';
import { diffJson } from '../json-merge.js';
import { type ContextEntryRow, contextEntries, contextEntryVersions, type StoredJson } from '../table.js';
import { toEntryView } from './views.js';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The largest value an entry holds, as JSON. */
export const valueLimitBytes = 256 * 1024;

/** What a write turns the entry into: a value, or null for a tombstone. */
export interface EntryChange {
  value: StoredJson | null;
  change: 'set' | 'patch' | 'delete' | 'restore';
}

/**
 * Decides the next value from the current row (undefined: the key was never written, or its
 * tombstone was purged). Throws to refuse (a conflict, nothing to delete).
 */
export type DecideChange = (
  current: ContextEntryRow | undefined,
  transaction: Transaction,
) => Promise<EntryChange>;

/** What a write stored: the entry as it now is, and how it changed. */
export interface WrittenEntry {
  entry: ContextEntry;
  change: EntryChange['change'];
}

/**
 * Writes one new version of an entry, serialized with every other write to it: the row is locked
 * (or, for a first write, inserted, where of two racing inserts one waits for the other and then
 * sees its row). The version row and the entry commit together. With an idempotency key (a
 * workflow step's), a repeat of the same act returns the first write instead of writing again.
 */
export async function writeEntry(
  db: Database,
  options: {
    spaceId: string;
    key: string;
    authorId: string;
    now: Date;
    decide: DecideChange;
    idempotencyKey?: string;
  },
): Promise<WrittenEntry> {
  const effect = (transaction: Transaction) => writeEntryIn(transaction, options);
  if (options.idempotencyKey === undefined) return db.transaction(effect);
  return runEffectOnce({ db, key: `context:${options.idempotencyKey}`, effect });
}

async function writeEntryIn(
  transaction: Transaction,
  {
    spaceId,
    key,
    authorId,
    now,
    decide,
  }: { spaceId: string; key: string; authorId: string; now: Date; decide: DecideChange },
): Promise<WrittenEntry> {
  const lockCurrent = async () => {
    const [row] = await transaction
      .select()
      .from(contextEntries)
      .where(and(eq(contextEntries.spaceId, spaceId), eq(contextEntries.key, key)))
      .for('update');
    return row;
  };
  let current = await lockCurrent();
  if (!current) {
    const first = await decide(undefined, transaction);
    const [inserted] = await transaction
      .insert(contextEntries)
      .values({
        spaceId,
        key,
        version: 1,
        value: checkedSize(first.value),
        updatedBy: authorId,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await recordVersion(transaction, { row: inserted, before: undefined, change: first.change });
      return { entry: toEntryView(inserted), change: first.change };
    }
    // Another writer made it first: decide again from what they wrote.
    current = await lockCurrent();
    if (!current) throw new ContextConflictError(null);
  }
  const next = await decide(current, transaction);
  const [updated] = await transaction
    .update(contextEntries)
    .set({
      version: current.version + 1,
      value: checkedSize(next.value),
      updatedBy: authorId,
      updatedAt: now,
    })
    .where(and(eq(contextEntries.spaceId, spaceId), eq(contextEntries.key, key)))
    .returning();
  if (!updated) throw new Error('The locked context entry was not updated');
  await recordVersion(transaction, { row: updated, before: current.value ?? undefined, change: next.change });
  return { entry: toEntryView(updated), change: next.change };
}

/**
 * Refuses a write made against a version that is no longer current. `if_version: 0` means "only if
 * it does not exist": it matches a key never written and a tombstone.
 */
export function assertAtVersion(current: ContextEntryRow | undefined, ifVersion: number | undefined): void {
  if (ifVersion === undefined) return;
  const absent = current === undefined || current.value === null;
  if (ifVersion === 0 ? absent : current?.version === ifVersion) return;
  throw new ContextConflictError(current ? toEntryView(current) : null);
}

function checkedSize(value: StoredJson | null): StoredJson | null {
  if (value !== null && Buffer.byteLength(JSON.stringify(value)) > valueLimitBytes)
    throw new ContextValueTooLargeError(valueLimitBytes);
  return value;
}

async function recordVersion(
  transaction: Transaction,
  { row, before, change }: { row: ContextEntryRow; before: unknown; change: EntryChange['change'] },
) {
  await transaction.insert(contextEntryVersions).values({
    spaceId: row.spaceId,
    key: row.key,
    version: row.version,
    value: row.value,
    change,
    diff: diffJson(before, row.value ?? undefined),
    authorId: row.updatedBy,
    deleted: row.value === null,
    createdAt: row.updatedAt,
  });
}
