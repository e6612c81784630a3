import { z } from 'zod';
import { scopes } from '../../actor.js';
import { pageSize } from '../../db/page-size.js';
import { timeZoneSchema, weekStartSchema } from '../../time-zone.js';

/** A time on the wire: ISO 8601 in UTC. */
const timestamp = z.iso.datetime().describe('ISO 8601');

export const roleSchema = z.enum(['user', 'admin']);
export const scopeSchema = z.enum(scopes);

const email = z.email().max(254).describe('Email address; case does not matter');
const password = z
  .string()
  .min(1)
  .max(256)
  .describe('At least PASSWORD_MIN_LENGTH characters (10 by default)');
const name = z.string().trim().min(1).max(100);

export const signUpInputSchema = z.object({
  email,
  password,
  name,
  invite: z
    .string()
    .min(1)
    .optional()
    .describe('The token of an invite link (required when SIGNUP_POLICY=invite)'),
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const signInInputSchema = z.object({ email, password });
export type SignInInput = z.infer<typeof signInInputSchema>;

export const createUserInputSchema = z.object({ email, password, name, role: roleSchema.default('user') });
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({ name: name.optional(), role: roleSchema.optional(), active: z.boolean().optional() })
  .refine((value) => Object.keys(value).length > 0, { message: 'Give at least one of name, role, active' });
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const updateProfileInputSchema = z
  .object({
    name: name.optional(),
    time_zone: timeZoneSchema
      .nullable()
      .optional()
      .describe(
        'The time zone the assistant reads dates in; null: the browser’s, sent with each chat message',
      ),
    week_start: weekStartSchema.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'Give at least one of name, time_zone, week_start',
  });
export type UpdateProfileInput = z.infer<typeof updateProfileInputSchema>;

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    last_sign_in_at: timestamp.nullable(),
    created_at: timestamp,
    time_zone: z
      .string()
      .nullable()
      .describe('The time zone the assistant reads dates in; null: the browser’s'),
    week_start: weekStartSchema,
  })
  .meta({ id: 'User' });
export type PublicUser = z.infer<typeof userSchema>;

export const sessionSchema = z
  .object({
    id: z.string(),
    created_at: timestamp,
    last_active_at: timestamp,
    expires_at: timestamp,
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    current: z.boolean().describe('The session this request was made with'),
  })
  .meta({ id: 'Session' });
export type PublicSession = z.infer<typeof sessionSchema>;

export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(scopeSchema).min(1).default(['mcp', 'api:read']),
  expires_in_days: z.number().int().min(1).max(3650).optional().describe('Never expires when absent'),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to tell keys apart'),
    scopes: z.array(scopeSchema),
    expires_at: timestamp.nullable(),
    last_used_at: timestamp.nullable(),
    revoked_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'ApiKey' });
export type PublicApiKey = z.infer<typeof apiKeySchema>;

export const createInviteInputSchema = z.object({
  email: email.optional().describe('Only this address may use the invite, when given'),
  role: roleSchema.default('user'),
  expires_in_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export type CreateInviteInput = z.input<typeof createInviteInputSchema>;

/** A page of a list: pass `next_cursor` back as `cursor` for the next one (null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

export const createdApiKeySchema = z.object({
  api_key: apiKeySchema,
  key: z.string().describe('The key itself, shown this once'),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const userPageSchema = pageOf(userSchema);
export type UserPage = z.infer<typeof userPageSchema>;

export const inviteSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    role: roleSchema,
    expires_at: timestamp,
    used_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Invite' });
export type PublicInvite = z.infer<typeof inviteSchema>;

export const createdInviteSchema = z.object({
  invite: inviteSchema,
  token: z.string().describe('Shown this once'),
  url: z.string().describe('The sign-up link to send'),
});
export type CreatedInvite = z.infer<typeof createdInviteSchema>;

export const auditQuerySchema = z.object({
  user_id: z.string().min(1).optional().describe('Only entries by this user'),
  action: z.string().min(1).optional().describe('Only this action, e.g. sign_in'),
  since: z.coerce.date().optional().describe('Only entries at or after this time (ISO 8601)'),
  until: z.coerce.date().optional().describe('Only entries at or before this time (ISO 8601)'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: timestamp,
    actor_id: z.string().nullable(),
    action: z.string(),
    status: z.string(),
    surface: z.string(),
    subject: z.string().nullable(),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    duration_ms: z.number().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

export const signedInSchema = z.object({
  user: userSchema,
  session: z.object({ id: z.string(), expires_at: timestamp }),
});
export type SignedIn = z.infer<typeof signedInSchema>;

export const currentSessionSchema = signedInSchema.extend({
  session: signedInSchema.shape.session.nullable(),
});
export type CurrentSession = z.infer<typeof currentSessionSchema>;

export const setupStateSchema = z.object({
  needs_admin: z.boolean().describe('True until the first admin is created'),
  password_min_length: z.number().int().describe('The shortest password accepted'),
});
export type SetupState = z.infer<typeof setupStateSchema>;
