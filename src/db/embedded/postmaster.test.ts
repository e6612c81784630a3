import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, isPostgresOn, readPostmaster } from './postmaster.js';

describe('reading postmaster.pid', () => {
  let pgDir: string;
  beforeEach(() => {
    pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-pgdir-'));
  });
  afterEach(() => fs.rmSync(pgDir, { recursive: true, force: true }));

  it('reads the pid, port and status PostgreSQL writes', () => {
    fs.writeFileSync(
      path.join(pgDir, 'postmaster.pid'),
      `4242\n${pgDir}\n1796534038\n43931\n\n127.0.0.1\n  1234567     98304\nready   \n`,
    );
    expect(readPostmaster(pgDir)).toEqual({ pid: 4242, port: 43931, status: 'ready' });
  });

  it('has nothing to say without the file, or with a half-written one', () => {
    expect(readPostmaster(pgDir)).toBeUndefined();
    fs.writeFileSync(path.join(pgDir, 'postmaster.pid'), '');
    expect(readPostmaster(pgDir)).toBeUndefined();
  });

  it('tells a live PostgreSQL on the directory from another program holding the pid', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isPostgresOn(process.pid, pgDir)).toBe(false);
  });
});
