import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnTypeScript } from '../../test/helpers/child-process.js';
import { acquireDataDirLock, DataDirectoryLockedError } from './data-dir-lock.js';

describe('data directory lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-lock-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second holder and names the first', () => {
    const lock = acquireDataDirLock({ dataDir, command: 'switchboard serve' });
    lock.update({ url: 'http://127.0.0.1:3000' });
    try {
      acquireDataDirLock({ dataDir, command: 'switchboard migrate' });
      expect.unreachable('the second lock was granted');
    } catch (error) {
      expect(error).toBeInstanceOf(DataDirectoryLockedError);
      const message = (error as Error).message;
      expect(message).toContain('"switchboard serve"');
      expect(message).toContain(`pid ${process.pid}`);
      expect(message).toContain('http://127.0.0.1:3000');
      expect(message).toContain('stop that process first');
    } finally {
      lock.release();
    }
  });

  it('can be taken again once released', () => {
    acquireDataDirLock({ dataDir, command: 'first' }).release();
    const again = acquireDataDirLock({ dataDir, command: 'second' });
    expect(JSON.parse(fs.readFileSync(again.path, 'utf8'))).toMatchObject({
      command: 'second',
      pid: process.pid,
    });
    again.release();
    expect(fs.existsSync(again.path)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(dead.stdout);
    fs.writeFileSync(
      path.join(dataDir, 'switchboard.lock'),
      JSON.stringify({
        pid: deadPid,
        hostname: os.hostname(),
        command: 'switchboard serve',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const lock = acquireDataDirLock({ dataDir, command: 'switchboard serve' });
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock naming its own pid that it does not hold (a restarted container)', () => {
    fs.writeFileSync(
      path.join(dataDir, 'switchboard.lock'),
      JSON.stringify({
        pid: process.pid,
        hostname: os.hostname(),
        command: 'switchboard serve',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const lock = acquireDataDirLock({ dataDir, command: 'switchboard serve' });
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).startedAt).not.toBe('2026-01-01T00:00:00Z');
    lock.release();
  });

  it('leaves a lock held on another host alone and says how to clear it', () => {
    const lockPath = path.join(dataDir, 'switchboard.lock');
    fs.writeFileSync(
      lockPath,
      JSON.stringify({
        pid: 1,
        hostname: 'elsewhere',
        command: 'switchboard serve',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(() => acquireDataDirLock({ dataDir, command: 'switchboard serve' })).toThrow(`delete ${lockPath}`);
  });
});

describe('data directory lock across processes', () => {
  it('lets exactly one of many processes take over a stale lock', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-lock-race-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8',
      });
      fs.writeFileSync(
        path.join(dataDir, 'switchboard.lock'),
        JSON.stringify({
          pid: Number(dead.stdout),
          hostname: os.hostname(),
          command: 'dead',
          startedAt: '2026-01-01T00:00:00Z',
        }),
      );
      const contenders = Array.from({ length: 8 }, () =>
        spawnTypeScript('test/fixtures/lock-contender.ts', { env: { DATA_DIR: dataDir } }),
      );
      const outcomes = await Promise.all(
        contenders.map((contender) =>
          contender.waitForLine((line) => line === 'won' || line === 'lost', 60_000),
        ),
      );
      for (const contender of contenders) contender.child.stdin?.end();
      await Promise.all(contenders.map((contender) => contender.closed));
      expect(outcomes.filter((outcome) => outcome === 'won')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'lost')).toHaveLength(7);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
