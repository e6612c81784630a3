import type { UserActor } from '../../actor.js';
import { StdioServerAdminOnlyError } from './errors.js';

/** Whoever adds or changes a stdio server must be an admin acting with the admin scope. */
export function requireStdioAdmin(actor: UserActor): void {
  if (actor.role !== 'admin' || !actor.scopes.includes('admin')) throw new StdioServerAdminOnlyError();
}
