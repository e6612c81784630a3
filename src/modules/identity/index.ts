export type { AuditInput, AuditService } from './service/audit.js';
export { createIdentityServices, type IdentityServices } from './service.js';
export type { UsersService } from './service/users.js';
export { registerIdentity } from './routes.js';
export { loadAuthSecret } from './secret.js';
