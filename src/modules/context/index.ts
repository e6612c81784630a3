export { registerContextRoutes } from './routes.js';
export { createContextService, type ContextService, type MemberDirectory, type RunRef } from './service.js';
export { contextTools } from './tools.js';
export { contextResources, contextEntryUri } from './mcp-resources.js';
export { type ContextToolName, contextToolNames } from './tool-names.js';
export type { ContextEntry, ContextMember, ContextSpace, ContextVersion } from './schema.js';
export { contextKeySchema, contextValueSchema } from './schema.js';
