import fs from 'node:fs';
import path from 'node:path';

/** The automatic backups' folder in DATA_DIR (never itself backed up). */
export const backupsDirName = 'backups';

/**
 * What in DATA_DIR is the instance's own state rather than users' files: the embedded server (its
 * contents come through the database dump), its password and log, the lock, this machine's
 * instance id (a restored instance is a new engine executor), old PGlite directories, backups.
 */
function isMachineState(name: string): boolean {
  return (
    name === 'postgres' ||
    name.startsWith('postgres-password') ||
    name === 'postgres.log' ||
    name.startsWith('switchboard.lock') ||
    name === 'instance-id' ||
    name.startsWith('pglite') ||
    name === backupsDirName ||
    name.endsWith('.draft') ||
    name.startsWith('.restore-')
  );
}

/** Every regular file under DATA_DIR that users' work put there, as paths relative to it (forward slashes). */
export function listDataFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dataDir, relative), { withFileTypes: true })) {
      if (relative === '' && isMachineState(entry.name)) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** The absolute path of a backed-up file, refusing any that would land outside DATA_DIR. */
export function dataFilePath(dataDir: string, relative: string): string {
  const full = path.resolve(dataDir, relative);
  if (!full.startsWith(path.resolve(dataDir) + path.sep) || isMachineState(relative.split('/')[0] ?? '')) {
    throw new Error(`The backup names a file outside the data directory's user files: ${relative}`);
  }
  return full;
}
