import { ServiceUnavailableError } from '../../errors.js';
import type { Auth } from './auth.js';

/**
 * Better Auth, built on its first use rather than before the server listens: importing it (the
 * largest package a start loads) and its start-up (which seeds the OAuth rows) cost about a
 * quarter of a second start. A server builds it once it listens (a warm-up), so a request that
 * needs it waits at most for the build already under way.
 */
export interface AuthHandle {
  /**
   * Better Auth, started. A failed build answers AUTH_UNAVAILABLE (503) for `retryAfterMs`, then
   * is tried again by the next call: a database that is back is used, one that is not is not
   * asked again by every request.
   */
  get(): Promise<Auth>;
  /**
   * For readiness: nothing unless the last build failed (then the build tried again, which rejects
   * while it fails). Starts no first build.
   */
  ready(): Promise<void> | undefined;
}

/** How long a failed build's error is given before the build is tried again. */
export const retryAfterMs = 10_000;

/** Wraps `build` so it runs once, on the first `get()`; a failure is held `retryAfterMs`, then retried. */
export function lazyAuth(build: () => Promise<Auth>, now: () => number = Date.now): AuthHandle {
  let building: Promise<Auth> | undefined;
  let failed: { error: ServiceUnavailableError; at: number } | undefined;
  const handle: AuthHandle = {
    get() {
      if (failed && now() - failed.at < retryAfterMs) return Promise.reject(failed.error);
      building ??= build().then(
        (auth) => {
          failed = undefined;
          return auth;
        },
        (error: unknown) => {
          building = undefined;
          failed = { error: unavailable(error), at: now() };
          throw failed.error;
        },
      );
      return building;
    },
    ready() {
      return failed ? handle.get().then(() => undefined) : undefined;
    },
  };
  return handle;
}

function unavailable(cause: unknown) {
  return new ServiceUnavailableError(
    'AUTH_UNAVAILABLE',
    'Sign-in is not available: its start-up failed (the server log says why); it is tried again shortly',
    { cause },
  );
}
