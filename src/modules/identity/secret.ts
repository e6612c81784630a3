import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { instanceSecrets } from './table.js';

/**
 * The secret that signs sessions and tokens: AUTH_SECRET when set, otherwise one made on first start
 * and kept in the database, so every instance on it (and every restart) agrees without setup.
 */
export async function loadAuthSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(instanceSecrets)
    .values({ name: 'auth', value: randomBytes(32).toString('base64url'), createdAt: new Date() })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, 'auth'));
  if (!row) throw new Error('The auth secret could not be stored');
  return row.value;
}
