import { actingAs, type Scope, systemActor, type UserActor } from '../../src/actor.js';
import type { App } from '../../src/app.js';

/**
 * Signs up `count` users for a benchmark (`<prefix>0@example.com`, …), lets `prepare` give each
 * their data, and answers one API key per user with `scopes`.
 */
export async function benchUsers(
  app: App,
  {
    prefix,
    count = 4,
    scopes,
    prepare = async () => {},
  }: { prefix: string; count?: number; scopes: Scope[]; prepare?: (actor: UserActor) => Promise<void> },
): Promise<string[]> {
  const keys: string[] = [];
  for (let index = 0; index < count; index++) {
    const user = await app.identity.users.create(systemActor, {
      email: `${prefix}${index}@example.com`,
      password: 'benchmark password',
      name: `${prefix} ${index}`,
    });
    const actor = actingAs({ userId: user.id, role: user.role });
    await prepare(actor);
    keys.push((await app.identity.apiKeys.create(actor, { name: 'bench', scopes })).key);
  }
  return keys;
}
