export {
  type McpServerConfig,
  type McpServerConnections,
  type McpServerDirectory,
  unknownStatus,
} from './service/connections.js';
export { registerMcpServerRoutes } from './routes.js';
export type { McpServerStatus, McpServerTools } from './schema.js';
export { createMcpServerService, type McpServerService } from './service.js';
export { mcpServerSecretPurpose, sealPlaintextSecrets } from './service/secrets.js';
