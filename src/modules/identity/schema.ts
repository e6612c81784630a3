import { z } from 'zod';
import { scopes } from '../../actor.js';
import { pageSize } from '../../db/cursor.js';

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

export const updateProfileInputSchema = z.object({ name });
export type UpdateProfileInput = z.infer<typeof updateProfileInputSchema>;

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The nextCursor of the previous page'),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    lastSignInAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'User' });
export type PublicUser = z.infer<typeof userSchema>;

export const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.date(),
    lastActiveAt: z.date(),
    expiresAt: z.date(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean().describe('The session this request was made with'),
  })
  .meta({ id: 'Session' });
export type PublicSession = z.infer<typeof sessionSchema>;

export const createApiKeyInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(scopeSchema).min(1).default(['mcp', 'api:read']),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Never expires when absent'),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to tell keys apart'),
    scopes: z.array(scopeSchema),
    expiresAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'ApiKey' });
export type PublicApiKey = z.infer<typeof apiKeySchema>;

export const createInviteInputSchema = z.object({
  email: email.optional().describe('Only this address may use the invite, when given'),
  role: roleSchema.default('user'),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export type CreateInviteInput = z.input<typeof createInviteInputSchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
