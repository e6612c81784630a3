import { DomainError } from '../../errors.js';
import type { ContextEntry } from './schema.js';

/** The space does not exist, or the caller is not its owner or a member (which is not revealed). */
export class ContextSpaceNotFoundError extends DomainError {
  readonly code = 'CONTEXT_SPACE_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly spaceId: string) {
    super(`Context space ${spaceId} not found`, { field: 'space' });
  }
}

/** The space has no entry under the key (or only a tombstone, for a read). */
export class ContextEntryNotFoundError extends DomainError {
  readonly code = 'CONTEXT_ENTRY_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly key: string) {
    super(`No context entry "${key}"`, { field: 'key' });
  }
}

/** The entry never had that version, or it was purged. */
export class ContextVersionNotFoundError extends DomainError {
  readonly code = 'CONTEXT_VERSION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(
    readonly key: string,
    readonly version: number,
  ) {
    super(`Context entry "${key}" has no version ${version}`, { field: 'version' });
  }
}

/** The space has no such member. */
export class ContextMemberNotFoundError extends DomainError {
  readonly code = 'CONTEXT_MEMBER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly memberId: string) {
    super(`The space has no member ${memberId}`, { field: 'member_id' });
  }
}

/** A member whose role does not allow this (a reader writing, a writer managing members). */
export class ContextForbiddenError extends DomainError {
  readonly code = 'CONTEXT_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor(readonly needed: 'write' | 'admin' | 'owner') {
    super(
      needed === 'owner'
        ? 'Only the space’s owner may do this'
        : `Your role in this space does not allow this (it needs ${needed})`,
    );
  }
}

/** One field both writers changed differently: the patch's value and the current one (undefined: absent). */
export interface FieldConflict {
  path: string;
  yours: unknown;
  theirs: unknown;
}

/**
 * The entry moved on since the version the writer read (a lost race). The error body carries the
 * current entry, and for a merge patch each field both writers changed differently.
 */
export class ContextConflictError extends DomainError {
  readonly code = 'CONTEXT_CONFLICT';
  readonly kind = 'conflict';
  override readonly details: Record<string, unknown>;
  constructor(
    readonly current: ContextEntry | null,
    readonly conflicts?: FieldConflict[],
  ) {
    super(
      conflicts
        ? `The entry changed since your version and ${conflicts.length} field(s) conflict: ${conflicts.map((conflict) => conflict.path).join(', ')}`
        : `The entry changed: it is now at version ${current?.version ?? 0}. Read it again and retry.`,
      { field: 'if_version' },
    );
    this.details = {
      current,
      ...(conflicts && {
        conflicts: conflicts.map(({ path, yours, theirs }) => ({
          path,
          yours: yours ?? null,
          theirs: theirs ?? null,
        })),
      }),
    };
  }
}

/** A value larger than a context entry may hold. */
export class ContextValueTooLargeError extends DomainError {
  readonly code = 'CONTEXT_VALUE_TOO_LARGE';
  readonly kind = 'too_large';
  constructor(readonly limit: number) {
    super(`A context value may be at most ${limit} bytes of JSON`, { field: 'value' });
  }
}
