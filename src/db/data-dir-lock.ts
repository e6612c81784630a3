import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../errors.js';

const lockFileName = 'switchboard.lock';

/** Who holds a data directory, as written in its lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly command: string;
  readonly startedAt: string;
  readonly url?: string;
}

/** Another live process has the embedded data directory open. */
export class DataDirectoryLockedError extends DomainError {
  readonly code = 'DATA_DIRECTORY_LOCKED';
  readonly kind = 'conflict';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.url ? `, serving ${holder.url}` : '';
    super(
      `The data directory ${dataDir} is in use by "${holder.command}" (pid ${holder.pid} on ${holder.hostname}${where}, since ${holder.startedAt}). ` +
        'Only one process may open an embedded database: stop that process first, or set DATABASE_URL to share a Postgres between processes.' +
        (holder.hostname === os.hostname()
          ? ''
          : ` If that host no longer runs it, delete ${path.join(dataDir, lockFileName)}.`),
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Rewrites the lock with more about the holder (the server's URL once it listens). */
  update(details: Pick<LockHolder, 'url'>): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

/** Lock paths this process holds: a lock naming our own pid but not in here was left by an earlier process. */
const heldHere = new Set<string>();

/**
 * Takes the data directory for this process, or throws `DataDirectoryLockedError` naming the live
 * holder. A lock left by a process that no longer runs on this host (after `kill -9`) is taken over.
 */
export function acquireDataDirLock({ dataDir, command }: { dataDir: string; command: string }): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, lockFileName);
  let holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command,
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(lockPath, holder)) {
      heldHere.add(lockPath);
      const release = () => {
        if (!heldHere.delete(lockPath)) return;
        if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return {
        path: lockPath,
        update(details) {
          if (!heldHere.has(lockPath)) return;
          holder = { ...holder, ...details };
          writeAtomically(lockPath, holder);
        },
        release,
      };
    }
    const current = readHolder(lockPath);
    if (current && isAlive(current, lockPath)) throw new DataDirectoryLockedError(dataDir, current);
    withTakeoverGuard(lockPath, () => removeStaleLock(lockPath, current));
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing hands`);
}

const draftPath = (lockPath: string) => `${lockPath}.${process.pid}.${randomUUID()}.draft`;

/** Creates the lock file only if none exists: written aside, then hard-linked into place atomically. */
function tryCreate(lockPath: string, holder: LockHolder): boolean {
  const draft = draftPath(lockPath);
  fs.writeFileSync(draft, JSON.stringify(holder));
  try {
    fs.linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** A guard older than this was left by a process that died mid-takeover. */
const takeoverGuardStaleMs = 10_000;

/**
 * Runs a stale-lock takeover while holding `<lock>.takeover` (created exclusively), so two processes
 * that both found the same dead holder cannot both remove it: the second one to get the guard sees
 * the first one's fresh lock and leaves it. Without the guard, it simply retries.
 */
function withTakeoverGuard(lockPath: string, takeOver: () => void) {
  const guard = `${lockPath}.takeover`;
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > takeoverGuardStaleMs) fs.rmSync(guard, { force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // another process is taking over: wait a moment
    return;
  }
  try {
    takeOver();
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** Deletes a dead holder's lock, unless another process replaced it since we read it. */
function removeStaleLock(lockPath: string, stale: LockHolder | undefined) {
  const current = readHolder(lockPath);
  if (current?.pid !== stale?.pid || current?.startedAt !== stale?.startedAt) return;
  fs.rmSync(lockPath, { force: true });
}

function writeAtomically(lockPath: string, holder: LockHolder) {
  const draft = draftPath(lockPath);
  fs.writeFileSync(draft, JSON.stringify(holder));
  fs.renameSync(draft, lockPath);
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return undefined; // gone, or half-written by a process that died mid-write: treated as stale
  }
}

function isAlive(holder: LockHolder, lockPath: string): boolean {
  if (holder.hostname !== os.hostname()) return true; // cannot check another host: assume it runs
  if (holder.pid === process.pid) return heldHere.has(lockPath); // a restarted container may reuse the pid
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
