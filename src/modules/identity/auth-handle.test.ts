import { describe, expect, it } from 'vitest';
import type { Auth } from './auth.js';
import { lazyAuth } from './auth-handle.js';

describe('lazyAuth', () => {
  it('builds on the first get, once, however many ask meanwhile', async () => {
    let builds = 0;
    const built = {} as Auth;
    const handle = lazyAuth(async () => {
      builds += 1;
      return built;
    });
    expect(builds).toBe(0);
    const answers = await Promise.all([handle.get(), handle.get(), handle.get()]);
    expect(answers.every((answer) => answer === built)).toBe(true);
    expect(await handle.get()).toBe(built);
    expect(builds).toBe(1);
  });

  it('builds again after a build failed, rather than keeping the failure', async () => {
    let builds = 0;
    const built = {} as Auth;
    const handle = lazyAuth(async () => {
      builds += 1;
      if (builds === 1) throw new Error('the database was not there');
      return built;
    });
    await expect(handle.get()).rejects.toThrow('the database was not there');
    expect(await handle.get()).toBe(built);
    expect(builds).toBe(2);
  });
});
