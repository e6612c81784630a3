import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What `postmaster.pid` says about the server running on a data directory (PostgreSQL writes it). */
export interface Postmaster {
  readonly pid: number;
  readonly port: number;
  /** "starting", "ready", "stopping" or "standby". */
  readonly status: string;
}

export const postmasterPidFile = (pgDir: string) => path.join(pgDir, 'postmaster.pid');

/** Reads `postmaster.pid`: line 1 the pid, line 4 the port, line 8 the status (once started). */
export function readPostmaster(pgDir: string): Postmaster | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(postmasterPidFile(pgDir), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

/** Whether `pid` runs. A zombie does not: an adopted server's exit may never be reaped (Node as pid 1). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is a PostgreSQL server on `pgDir`, not another program that got the pid of a
 * server gone with the machine's last reboot (a container restarts with low pids again).
 */
export function isPostgresOn(pid: number, pgDir: string): boolean {
  if (!isAlive(pid)) return false;
  if (process.platform === 'win32') return true; // no cheap way to ask; the pid file is ours alone
  try {
    const commandLine =
      process.platform === 'linux'
        ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
        : execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return commandLine.includes('postgres') && commandLine.includes(pgDir);
  } catch {
    return false; // gone meanwhile
  }
}

/** How long a fast shutdown may take (it checkpoints) before we stop waiting politely. */
const fastShutdownMs = 60_000;

/**
 * Stops the server: SIGINT is PostgreSQL's "fast" shutdown (ends sessions, checkpoints, exits).
 * Done when the process is gone or has removed its pid file. A server that does not stop in a
 * minute gets SIGQUIT (immediate shutdown; the next start recovers from the WAL, nothing is lost).
 */
export async function stopPostmaster(pid: number, pgDir: string): Promise<void> {
  const stopped = () => !isAlive(pid) || readPostmaster(pgDir)?.pid !== pid;
  signal(pid, 'SIGINT');
  const deadline = Date.now() + fastShutdownMs;
  while (!stopped()) {
    if (Date.now() > deadline) {
      signal(pid, 'SIGQUIT');
      const quitDeadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < quitDeadline) await sleep(20);
      return;
    }
    await sleep(10);
  }
  // The pid file goes a moment before the process; its shared memory goes with the process.
  const exitDeadline = Date.now() + 5_000;
  while (isAlive(pid) && Date.now() < exitDeadline) await sleep(5);
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
