import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instanceIdFile, resolveExecutorId } from './executor-id.js';

describe('the executor id', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-executor-'));
    dirs.push(dir);
    return path.join(dir, 'data'); // not there yet: the first start makes it
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is generated on the first start, kept in DATA_DIR and the same on the next start', () => {
    const dataDir = freshDir();
    const first = resolveExecutorId({ dataDir });
    expect(first).toMatch(/^instance-[0-9a-f-]{36}$/);
    expect(fs.readFileSync(path.join(dataDir, instanceIdFile), 'utf8').trim()).toBe(first);
    expect(resolveExecutorId({ dataDir })).toBe(first);
    expect(resolveExecutorId({ dataDir: freshDir() })).not.toBe(first);
  });

  it('is INSTANCE_ID when set, without writing anything', () => {
    const dataDir = freshDir();
    expect(resolveExecutorId({ instanceId: 'web-1', dataDir })).toBe('web-1');
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
