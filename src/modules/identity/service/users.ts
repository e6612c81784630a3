import { and, asc, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import { cursorPosition, pageFrom } from '../../../db/cursor.js';
import type { Database } from '../../../db/database.js';
import { InvalidInputError } from '../../../errors.js';
import type { AuthHandle } from '../auth-handle.js';
import { EmailInUseError, LastAdminError, SetupDoneError, UserNotFoundError } from '../errors.js';
import { requireAdmin, requireUser } from '../../../actor-policy.js';
import {
  type CreateUserInput,
  createUserInputSchema,
  type ListQuery,
  listQuerySchema,
  type PublicUser,
  type UpdateProfileInput,
  type UpdateUserInput,
  type UserPage,
} from '../schema.js';
import { instanceSecrets, sessions, users } from '../table.js';
import { isUniqueViolation } from '../../../db/errors.js';
import type { AuditService } from './audit.js';
import '../events.js';

type UserRow = typeof users.$inferSelect;

/** The instance_secrets row that records that first-run setup has happened. */
const setupLatch = 'setup_done';

/** An account as clients see it. */
export function toUserView(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role === 'admin' ? 'admin' : 'user',
    active: row.active,
    last_sign_in_at: row.lastSignInAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    time_zone: row.timeZone ?? null,
    week_start: row.weekStart === 'sunday' ? 'sunday' : 'monday',
  };
}

export interface UsersServiceDeps {
  db: Database;
  auth: AuthHandle;
  bus: EventBus;
  audit: AuditService;
  passwordMinLength: number;
  /** Called when an account's role or active flag changes, so remembered credentials are dropped at once. */
  onAccountChanged: (userId: string) => void;
}

/** Accounts: admins manage them; each user reads and edits their own profile. */
export function createUsersService({
  db,
  auth,
  bus,
  audit,
  passwordMinLength,
  onAccountChanged,
}: UsersServiceDeps) {
  // Read on every chat turn (the user's name and dates): built once, parsed once a connection.
  const userById = db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('load_user');

  async function loadUser(userId: string): Promise<UserRow> {
    const [row] = await userById.execute({ userId });
    if (!row) throw new UserNotFoundError(userId);
    return row;
  }

  async function countActiveAdmins(): Promise<number> {
    const [row] = await db
      .select({ total: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)));
    return row?.total ?? 0;
  }

  /** Creates an account with a password, bypassing the sign-up policy (the caller has checked it). */
  async function insertUser(actor: Actor, input: CreateUserInput): Promise<PublicUser> {
    const { email, password, name, role } = createUserInputSchema.parse(input);
    if (password.length < passwordMinLength) {
      throw new InvalidInputError(`password: use at least ${passwordMinLength} characters`, {
        field: 'password',
      });
    }
    const context = await (await auth.get()).$context;
    if (await context.internalAdapter.findUserByEmail(email.toLowerCase())) throw new EmailInUseError();
    const created = await context.internalAdapter
      .createUser({ email: email.toLowerCase(), name, role, active: true }, { method: 'admin' })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new EmailInUseError() : error; // the same email, created meanwhile
      });
    await context.internalAdapter.linkAccount({
      userId: created.id,
      providerId: 'credential',
      accountId: created.id,
      password: await context.password.hash(password),
    });
    await bus.publish(actor, 'user.created', { user_id: created.id, role });
    await audit.record(actor, {
      action: 'user.create',
      status: 'success',
      subject: created.id,
      details: { role },
    });
    return toUserView(await loadUser(created.id));
  }

  return {
    loadUser,

    /** The shortest password accepted (PASSWORD_MIN_LENGTH), for forms to say before they submit. */
    passwordMinLength,

    /** True while no active admin exists: the first visitor (or the CLI) creates one. */
    async needsSetup(): Promise<boolean> {
      const [latch] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, setupLatch));
      return !latch && (await countActiveAdmins()) === 0;
    },

    /** Creates the first admin; refused once any active admin exists. */
    async createFirstAdmin(actor: Actor, input: Omit<CreateUserInput, 'role'>): Promise<PublicUser> {
      if ((await countActiveAdmins()) > 0) throw new SetupDoneError();
      // A one-time latch: of concurrent first-run requests exactly one inserts it and goes on.
      const [latch] = await db
        .insert(instanceSecrets)
        .values({ name: setupLatch, value: 'done', createdAt: new Date() })
        .onConflictDoNothing()
        .returning();
      if (!latch) throw new SetupDoneError();
      try {
        return await insertUser(actor, { ...input, role: 'admin' });
      } catch (error) {
        await db.delete(instanceSecrets).where(eq(instanceSecrets.name, setupLatch)); // let the next try succeed
        throw error;
      }
    },

    /** Admins (and the CLI) create accounts, whatever the sign-up policy. */
    async create(actor: Actor, input: CreateUserInput): Promise<PublicUser> {
      requireAdmin(actor);
      return insertUser(actor, input);
    },

    /** Every account, oldest first, a page at a time. Admins only. */
    async list(actor: Actor, query: ListQuery): Promise<UserPage> {
      requireAdmin(actor);
      const { limit, cursor } = listQuerySchema.parse(query);
      const after = cursor ? cursorPosition(cursor) : undefined;
      const rows = await db
        .select()
        .from(users)
        .where(after ? gt(users.id, after) : undefined)
        .orderBy(asc(users.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, toUserView);
      return { items, next_cursor: nextCursor };
    },

    async get(actor: Actor, userId: string): Promise<PublicUser> {
      requireAdmin(actor);
      return toUserView(await loadUser(userId));
    },

    /**
     * Changes name, role or active flag. Deactivating ends the user's sessions at once; the last
     * active admin can be neither demoted nor deactivated.
     */
    async update(actor: Actor, userId: string, input: UpdateUserInput): Promise<PublicUser> {
      requireAdmin(actor);
      const user = await loadUser(userId);
      const losesAdmin =
        user.role === 'admin' && user.active && (input.role === 'user' || input.active === false);
      await db.transaction(async (transaction) => {
        if (losesAdmin) {
          // Locks every active admin row, so concurrent demotions see each other and one of them loses.
          const admins = await transaction
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.role, 'admin'), eq(users.active, true)))
            .for('update');
          if (admins.filter((admin) => admin.id !== userId).length === 0) throw new LastAdminError();
        }
        await transaction
          .update(users)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(users.id, userId));
        if (input.active === false) await transaction.delete(sessions).where(eq(sessions.userId, userId));
      });
      onAccountChanged(userId);
      const changes = Object.keys(input);
      await bus.publish(actor, 'user.updated', { user_id: userId, changes });
      await audit.record(actor, {
        action: 'user.update',
        status: 'success',
        subject: userId,
        details: { ...input },
      });
      return toUserView(await loadUser(userId));
    },

    /** The signed-in user's own account. */
    async me(actor: Actor): Promise<PublicUser> {
      return toUserView(await loadUser(requireUser(actor).userId));
    },

    async updateProfile(actor: Actor, input: UpdateProfileInput): Promise<PublicUser> {
      const { userId } = requireUser(actor);
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.time_zone !== undefined ? { timeZone: input.time_zone } : {}),
        ...(input.week_start !== undefined ? { weekStart: input.week_start } : {}),
      };
      await db
        .update(users)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(users.id, userId));
      const changed = Object.entries({
        name: input.name,
        time_zone: input.time_zone,
        week_start: input.week_start,
      })
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key);
      await bus.publish(actor, 'user.updated', { user_id: userId, changes: changed });
      return toUserView(await loadUser(userId));
    },

    /**
     * The names and emails of these accounts (unknown ids are left out), for a module that shows
     * the people of something shared; the caller decides who may see whom.
     */
    async profiles(actor: Actor, userIds: string[]): Promise<{ id: string; name: string; email: string }[]> {
      requireAdmin(actor);
      if (userIds.length === 0) return [];
      return db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, userIds));
    },

    /** Finds an account by email, for the CLI. */
    async findByEmail(actor: Actor, email: string): Promise<PublicUser> {
      requireAdmin(actor);
      const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
      if (!row) throw new UserNotFoundError(email);
      return toUserView(row);
    },

    /** Records a successful sign-in time. */
    async touchSignIn(userId: string, at: Date): Promise<void> {
      await db
        .update(users)
        .set({ lastSignInAt: at })
        .where(and(eq(users.id, userId), ne(users.active, false)));
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
