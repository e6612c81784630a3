export { resourceCatalog } from './mcp-resources.js';
export { registerResourceRoutes } from './routes.js';
export { createResourceService, type ResourceService } from './service.js';
export { resourceTools } from './tools.js';
