import type {
  ContextEntry,
  ContextMember,
  ContextSpace,
  ContextVersion,
  DiffOperation,
  SpaceRole,
} from '../schema.js';
import type { ContextEntryRow, ContextEntryVersionRow, ContextMemberRow, ContextSpaceRow } from '../table.js';

export function toSpaceView(row: ContextSpaceRow, role: SpaceRole): ContextSpace {
  return {
    id: row.id,
    name: row.name,
    owner_id: row.ownerId,
    role,
    run: row.runKind && row.runId ? { kind: row.runKind, id: row.runId } : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toMemberView(row: ContextMemberRow): ContextMember {
  return {
    member_kind: row.memberKind,
    member_id: row.memberId,
    role: row.role,
    added_at: row.addedAt.toISOString(),
  };
}

export function toEntryView(row: ContextEntryRow): ContextEntry {
  return {
    space_id: row.spaceId,
    key: row.key,
    version: row.version,
    value: row.value ?? null,
    deleted: row.value === null,
    updated_by: row.updatedBy,
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toVersionView(row: ContextEntryVersionRow): ContextVersion {
  return {
    version: row.version,
    value: row.value ?? null,
    deleted: row.deleted,
    change: row.change,
    diff: row.diff as DiffOperation[],
    author_id: row.authorId,
    created_at: row.createdAt.toISOString(),
  };
}
