import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';

/** Longest key: its percent-encoded form (`/` → `%2F`) must fit one URL segment of 300 characters. */
export const keyMaxLength = 150;

/** `plan`, `findings/market`: segments of letters, digits, `_ . -`, not starting with `.` or `-`. */
export const keyPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

export const contextKeySchema = z
  .string()
  .min(1)
  .max(keyMaxLength)
  .regex(keyPattern, 'a path of segments of letters, digits, _ . - joined by /, like findings/market')
  .describe('The entry key: a path like plan or findings/market');

const spaceId = z.string().min(1).max(100).describe('The context space id');
const spaceName = z.string().trim().min(1).max(200).describe('A name for people, 1–200 characters');
const version = z.coerce.number().int().min(0).max(2_147_483_647);
const ifVersion = version
  .optional()
  .describe(
    'Write only if the entry is still at this version (0: only if it does not exist yet); otherwise 409 CONTEXT_CONFLICT with the current value',
  );
const limit = z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default);
const flag = z.union([z.boolean(), z.stringbool()]);

/** How deeply arrays and objects may nest in a value (merging and diffing walk it). */
export const maxValueDepth = 64;

/** True when `value` nests arrays and objects no deeper than `limit`. */
function nestsWithin(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (limit === 0) return false;
  return Object.values(value).every((inner) => nestsWithin(inner, limit - 1));
}

/** Any JSON value but null (a deleted entry is a tombstone, not a null value). */
export const contextValueSchema = z
  .unknown()
  .refine(
    (value) =>
      value !== null && value !== undefined && !(typeof value === 'number' && !Number.isFinite(value)),
    'must be a JSON value other than null',
  )
  .refine((value) => nestsWithin(value, maxValueDepth), `may nest at most ${maxValueDepth} levels deep`)
  .describe('Any JSON value but null');

/** A JSON Merge Patch (RFC 7386): the fields to set, null for the fields to remove. */
export const mergePatchSchema = z
  .record(z.string(), z.unknown())
  .refine((patch) => nestsWithin(patch, maxValueDepth), `may nest at most ${maxValueDepth} levels deep`)
  .describe('A JSON Merge Patch (RFC 7386): fields to set, null removes a field');

export const memberRoleSchema = z.enum(['read', 'write', 'admin']);
export type MemberRole = z.infer<typeof memberRoleSchema>;
/** The caller's role in a space: its owner, or a member's role. */
export type SpaceRole = MemberRole | 'owner';

export const createSpaceInputSchema = z.object({ name: spaceName });
export type CreateSpaceInput = z.infer<typeof createSpaceInputSchema>;
export const updateSpaceInputSchema = z.object({ name: spaceName });
export type UpdateSpaceInput = z.infer<typeof updateSpaceInputSchema>;
export const listSpacesInputSchema = z.object({
  limit,
  cursor: z.string().max(200).optional().describe('The next_cursor of the previous page'),
});
export type ListSpacesInput = z.input<typeof listSpacesInputSchema>;

export const addMemberInputSchema = z
  .object({
    user_id: z.string().min(1).max(100).optional().describe('The user to add'),
    email: z.email().max(320).optional().describe('Or their email'),
    role: memberRoleSchema,
  })
  .refine((input) => (input.user_id === undefined) !== (input.email === undefined), {
    message: 'give user_id or email, one of them',
    path: ['user_id'],
  });
export type AddMemberInput = z.infer<typeof addMemberInputSchema>;
export const updateMemberInputSchema = z.object({ role: memberRoleSchema });

export const setEntryInputSchema = z.object({ value: contextValueSchema, if_version: ifVersion });
export type SetEntryInput = z.infer<typeof setEntryInputSchema>;
export const patchEntryInputSchema = z.object({ patch: mergePatchSchema, if_version: ifVersion });
export type PatchEntryInput = z.infer<typeof patchEntryInputSchema>;
export const deleteEntryInputSchema = z.object({ if_version: ifVersion });
export type DeleteEntryInput = z.infer<typeof deleteEntryInputSchema>;
export const restoreEntryInputSchema = z.object({
  version: version.min(1).describe('The version whose value becomes the entry’s value again'),
  if_version: ifVersion,
});
export type RestoreEntryInput = z.infer<typeof restoreEntryInputSchema>;
export const listEntriesInputSchema = z.object({
  prefix: z.string().max(keyMaxLength).optional().describe('Only keys starting with this (findings/)'),
  include_deleted: flag.default(false).describe('Also list tombstones (deleted entries not yet purged)'),
  limit,
  cursor: z.string().max(keyMaxLength).optional().describe('The next_cursor of the previous page'),
});
export type ListEntriesInput = z.input<typeof listEntriesInputSchema>;
export const historyInputSchema = z.object({
  limit,
  before_version: version.optional().describe('Versions older than this one (the next page)'),
});
export type HistoryInput = z.input<typeof historyInputSchema>;

export const spaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner_id: z.string(),
    role: z.enum(['owner', 'admin', 'write', 'read']).describe('Your role in the space'),
    run: z
      .object({ kind: z.enum(['workflow_run', 'team_run']), id: z.string() })
      .nullable()
      .describe('The run whose own space this is, if any'),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'ContextSpace' });
export type ContextSpace = z.infer<typeof spaceSchema>;
export const spacePageSchema = z.object({ items: z.array(spaceSchema), next_cursor: z.string().nullable() });
export type ContextSpacePage = z.infer<typeof spacePageSchema>;

export const memberSchema = z
  .object({
    member_kind: z.enum(['user', 'agent', 'team']),
    member_id: z.string(),
    role: memberRoleSchema,
    added_at: z.string(),
  })
  .meta({ id: 'ContextMember' });
export type ContextMember = z.infer<typeof memberSchema>;

export const personSchema = z
  .object({
    user_id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z
      .enum(['owner', 'read', 'write', 'admin'])
      .nullable()
      .describe('Their place in the space; null for someone who wrote to it and is no longer a member'),
  })
  .meta({ id: 'ContextSpacePerson' });
export type ContextPerson = z.infer<typeof personSchema>;

export const entrySchema = z
  .object({
    space_id: z.string(),
    key: z.string(),
    version: z.number().int(),
    value: z.unknown().describe('The JSON value; null when deleted'),
    deleted: z.boolean(),
    updated_by: z.string().nullable(),
    updated_at: z.string(),
  })
  .meta({ id: 'ContextEntry' });
export type ContextEntry = z.infer<typeof entrySchema>;
export const entryPageSchema = z.object({ items: z.array(entrySchema), next_cursor: z.string().nullable() });
export type ContextEntryPage = z.infer<typeof entryPageSchema>;

export const diffOperationSchema = z.object({
  op: z.enum(['add', 'remove', 'replace']),
  path: z.string().describe('JSON Pointer (RFC 6901)'),
  value: z.unknown().optional(),
});
export type DiffOperation = z.infer<typeof diffOperationSchema>;

export const versionSchema = z
  .object({
    version: z.number().int(),
    value: z.unknown().describe('The value at this version; null when it deleted the entry'),
    deleted: z.boolean(),
    change: z.enum(['set', 'patch', 'delete', 'restore']),
    diff: z.array(diffOperationSchema).describe('RFC 6902 operations from the version before'),
    author_id: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'ContextEntryVersion' });
export type ContextVersion = z.infer<typeof versionSchema>;
export const historyPageSchema = z.object({
  items: z.array(versionSchema),
  next_before_version: z.number().int().nullable(),
});
export type ContextHistoryPage = z.infer<typeof historyPageSchema>;

/** Params of the space routes and the entry routes (the key percent-encoded as one segment). */
export const spaceParams = z.object({ id: spaceId });
export const entryParams = z.object({ id: spaceId, key: contextKeySchema });
export const memberParams = z.object({ id: spaceId, member_id: z.string().min(1).max(100) });
