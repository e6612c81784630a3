import { describe, expect, it } from 'vitest';
import type { Auth } from './auth.js';
import { lazyAuth, retryAfterMs } from './auth-handle.js';

describe('lazyAuth', () => {
  it('builds on the first get, once, however many ask meanwhile', async () => {
    let builds = 0;
    const built = {} as Auth;
    const handle = lazyAuth(async () => {
      builds += 1;
      return built;
    });
    expect(handle.ready()).toBeUndefined(); // nothing to wait for: a probe awaits the database alone
    expect(builds).toBe(0);
    const answers = await Promise.all([handle.get(), handle.get(), handle.get()]);
    expect(answers.every((answer) => answer === built)).toBe(true);
    expect(await handle.get()).toBe(built);
    expect(builds).toBe(1);
  });

  it('answers a failed build with AUTH_UNAVAILABLE, asks nothing again for a while, then builds again', async () => {
    let builds = 0;
    let clock = 1_000;
    const built = {} as Auth;
    const handle = lazyAuth(
      async () => {
        builds += 1;
        if (builds === 1) throw new Error('the database was not there');
        return built;
      },
      () => clock,
    );
    const unavailable = { code: 'AUTH_UNAVAILABLE', kind: 'unavailable' };
    await expect(handle.get()).rejects.toMatchObject(unavailable);
    await expect(handle.get()).rejects.toMatchObject(unavailable);
    await expect(handle.ready()).rejects.toMatchObject(unavailable);
    expect(builds).toBe(1);

    clock += retryAfterMs;
    await handle.ready();
    expect(builds).toBe(2);
    expect(await handle.get()).toBe(built);
    expect(builds).toBe(2);
  });
});
