import { eq } from 'drizzle-orm';
import { type Actor, systemActor } from '../../../actor.js';
import type { EventBus } from '../../../bus/event-bus.js';
import type { Clock } from '../../../clock.js';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/database.js';
import {
  ForbiddenError,
  InvalidInputError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../../errors.js';
import type { AuthHandle } from '../auth-handle.js';
import { EmailInUseError, InviteInvalidError } from '../errors.js';
import type { PublicUser, SignInInput, SignUpInput } from '../schema.js';
import { sessions, users } from '../table.js';
import type { AuditService } from './audit.js';
import type { InvitesService } from './invites.js';
import type { RateLimiter } from './rate-limiter.js';
import { toUserView, type UsersService } from './users.js';

/** What the HTTP layer knows about the caller of a sign-in, sign-up or sign-out. */
export interface ClientInfo {
  headers: Headers;
  ip: string;
  userAgent?: string;
}

/** A new session: the user, the session's id and expiry, and the Set-Cookie headers to send. */
export interface SignedIn {
  user: PublicUser;
  session: { id: string; expires_at: string };
  setCookies: string[];
}
import type { FeatureGate } from '../../../features/index.js';

export interface AuthFlowsDeps {
  db: Database;
  auth: AuthHandle;
  bus: EventBus;
  clock: Clock;
  config: Config;
  audit: AuditService;
  limiter: RateLimiter;
  users: UsersService;
  invites: InvitesService;
  /** Sign-up answers FEATURE_DISABLED while an admin has it switched off, whatever SIGNUP_POLICY says. */
  features: FeatureGate;
}

const invalidCredentials = () =>
  new UnauthenticatedError('INVALID_CREDENTIALS', 'The email or password is wrong');

/**
 * Sign-up, sign-in and sign-out on top of Better Auth, with what it does not do for us: the
 * sign-up policy, rate limits per account and per IP, and an audit entry for every attempt.
 */
export function createAuthFlows({
  db,
  auth,
  bus,
  clock,
  config,
  audit,
  limiter,
  users: usersService,
  invites,
  features,
}: AuthFlowsDeps) {
  const accountFromIpLimit = { max: config.signInMaxFailures, windowSeconds: config.signInWindowSeconds };
  const accountLimit = { max: config.signInMaxPerAccount, windowSeconds: config.signInWindowSeconds };
  const ipLimit = { max: config.signInMaxPerIp, windowSeconds: config.signInWindowSeconds };

  async function startedSession(userId: string, token: string, setCookies: string[]): Promise<SignedIn> {
    const [session] = await db.select().from(sessions).where(eq(sessions.token, token));
    if (!session) throw new Error('Better Auth reported a session that is not stored');
    return {
      user: toUserView(await usersService.loadUser(userId)),
      session: { id: session.id, expires_at: session.expiresAt.toISOString() },
      setCookies,
    };
  }

  async function accountIdFor(email: string): Promise<string | null> {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
    return row?.id ?? null;
  }

  return {
    /**
     * Checks the password and starts a session. Unknown email and wrong password get the same
     * answer (and Better Auth hashes either way, so the same time). For SIGN_IN_WINDOW_SECONDS, too
     * many failures from one address lock that address out of the account (not its owner, who signs
     * in from elsewhere), many more from all addresses lock the account for everyone (against a
     * guesser with many addresses), and too many attempts lock the address out of every account.
     */
    async signIn(input: SignInInput, client: ClientInfo): Promise<SignedIn> {
      const email = input.email.toLowerCase();
      const accountFromIpKey = `sign-in:account-ip:${email}:${client.ip}`;
      const accountKey = `sign-in:account:${email}`;
      const ipKey = `sign-in:ip:${client.ip}`;
      const attempt = {
        action: 'sign_in',
        ip: client.ip,
        userAgent: client.userAgent,
        surface: 'http' as const,
      };
      // Every attempt is counted before the password is checked, so parallel guesses cannot outrun the
      // limit; a successful sign-in takes its attempt back, so only failures add up. A refused attempt
      // counts no further: an address locked out of the account cannot go on to lock it for everyone.
      let wait = await limiter.take(ipKey, ipLimit);
      if (wait === 0) wait = await limiter.take(accountFromIpKey, accountFromIpLimit);
      if (wait === 0) wait = await limiter.take(accountKey, accountLimit);
      if (wait > 0) {
        await audit.record(systemActor, {
          ...attempt,
          status: 'denied',
          reason: 'rate_limited',
          actorId: await accountIdFor(email),
          details: { email },
        });
        throw new RateLimitedError(wait, `Too many sign-in attempts. Try again in ${wait} seconds.`);
      }
      try {
        const { headers, response } = await (
          await auth.get()
        ).api.signInEmail({
          body: { email, password: input.password },
          headers: client.headers,
          returnHeaders: true,
        });
        // This address's failures are forgotten; everyone's are not (they may be a guesser's), but
        // this success is taken back from them, so only failures add up there too.
        await limiter.reset(accountFromIpKey);
        await limiter.release(accountKey);
        await usersService.touchSignIn(response.user.id, clock.now());
        await audit.record(systemActor, { ...attempt, status: 'success', actorId: response.user.id });
        return await startedSession(response.user.id, response.token, headers.getSetCookie());
      } catch (error) {
        const apiError = await betterAuthError(error);
        if (!apiError) throw error;
        const actorId = await accountIdFor(email);
        if (apiError.body?.code === 'ACCOUNT_DEACTIVATED') {
          await audit.record(systemActor, { ...attempt, status: 'denied', reason: 'deactivated', actorId });
          throw new ForbiddenError(
            'ACCOUNT_DEACTIVATED',
            'This account is deactivated. Ask an admin to reactivate it.',
          );
        }
        const reason = actorId ? 'wrong_password' : 'unknown_email';
        await audit.record(systemActor, {
          ...attempt,
          status: 'failure',
          reason,
          actorId,
          details: { email },
        });
        throw invalidCredentials();
      }
    },

    /** Creates an account as SIGNUP_POLICY allows (open, or with an invite) and signs it in. */
    async signUp(input: SignUpInput, client: ClientInfo): Promise<SignedIn> {
      await features.require('sign_up');
      if (config.signupPolicy === 'closed') {
        throw new ForbiddenError('SIGNUP_CLOSED', 'Sign-up is closed: ask an admin for an account');
      }
      if (config.signupPolicy === 'invite' && !input.invite) throw new InviteInvalidError();
      if (input.password.length < config.passwordMinLength) {
        throw new InvalidInputError(`password: use at least ${config.passwordMinLength} characters`, {
          field: 'password',
        });
      }
      // Sign-up tells whether an email is taken, so it is limited per IP like sign-in.
      const wait = await limiter.take(`sign-up:ip:${client.ip}`, ipLimit);
      if (wait > 0)
        throw new RateLimitedError(
          wait,
          `Too many sign-ups from this address. Try again in ${wait} seconds.`,
        );

      const invite =
        config.signupPolicy === 'invite' && input.invite
          ? await invites.claim(input.invite, input.email)
          : undefined;
      let created;
      try {
        created = await (
          await auth.get()
        ).api.signUpEmail({
          body: { email: input.email.toLowerCase(), password: input.password, name: input.name },
          headers: client.headers,
          returnHeaders: true,
        });
      } catch (error) {
        if (invite) await invites.release(invite.id); // no account was made: the invite stays usable
        if (String((await betterAuthError(error))?.body?.code).startsWith('USER_ALREADY_EXISTS'))
          throw new EmailInUseError();
        throw error;
      }
      const userId = created.response.user.id;
      if (invite) await invites.grant(invite, userId);
      if (!created.response.token) throw new Error('Sign-up did not start a session');
      const signedIn = await startedSession(userId, created.response.token, created.headers.getSetCookie());
      const actor: Actor = {
        type: 'user',
        userId,
        role: signedIn.user.role,
        scopes: [],
        via: 'http',
        credential: { kind: 'session', id: signedIn.session.id },
      };
      await bus.publish(actor, 'user.created', { user_id: userId, role: signedIn.user.role });
      await audit.record(actor, {
        action: 'user.sign_up',
        status: 'success',
        subject: userId,
        ip: client.ip,
        userAgent: client.userAgent,
        details: { invite: invite?.id },
      });
      return signedIn;
    },

    /** Ends the session the request came with; returns the Set-Cookie headers that clear it. */
    async signOut(actor: Actor, client: ClientInfo): Promise<string[]> {
      const { headers } = await (
        await auth.get()
      ).api.signOut({ headers: client.headers, returnHeaders: true });
      await audit.record(actor, {
        action: 'sign_out',
        status: 'success',
        ip: client.ip,
        userAgent: client.userAgent,
      });
      return headers.getSetCookie();
    },
  };
}

export type AuthFlows = ReturnType<typeof createAuthFlows>;

/** Better Auth's error, if `error` is one: its class from the module loaded on first use, not at start. */
async function betterAuthError(error: unknown) {
  const { APIError } = await import('better-auth/api');
  return error instanceof APIError ? error : undefined;
}
