import type { Auth } from './auth.js';

/**
 * Better Auth, built on its first use rather than before the server listens: importing it (the
 * largest package a start loads) and its start-up (which seeds the OAuth rows) cost about a
 * quarter of a second start. A server builds it once it listens (a warm-up), so a request that
 * needs it waits at most for the build already under way.
 */
export interface AuthHandle {
  /** Better Auth, started. A build that failed is tried again by the next call. */
  get(): Promise<Auth>;
}

/** Wraps `build` so it runs once, on the first `get()`; a failure is not kept. */
export function lazyAuth(build: () => Promise<Auth>): AuthHandle {
  let building: Promise<Auth> | undefined;
  return {
    get() {
      building ??= build().catch((error: unknown) => {
        building = undefined;
        throw error;
      });
      return building;
    },
  };
}
