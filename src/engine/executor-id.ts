import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file in DATA_DIR that keeps a generated instance id across restarts. */
export const instanceIdFile = 'instance-id';

/**
 * This instance's DBOS executor id: INSTANCE_ID when set, otherwise an id generated on the first
 * start and kept in DATA_DIR. Stable across restarts, so a restarted instance recovers its own
 * pending workflows at launch (DBOS recovers only its own executor's workflows by itself).
 */
export function resolveExecutorId({ instanceId, dataDir }: { instanceId?: string; dataDir: string }): string {
  if (instanceId) return instanceId;
  const file = path.join(dataDir, instanceIdFile);
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const generated = `instance-${randomUUID()}`;
  try {
    // 'wx': when two processes race on a fresh directory, the first id written wins for both.
    fs.writeFileSync(file, `${generated}\n`, { flag: 'wx' });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  }
}
