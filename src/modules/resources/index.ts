export { resourceCatalog } from './mcp-resources.js';
export { registerResourceRoutes } from './routes.js';
export { createResourceService, type ResourceService } from './service.js';
export { type DocumentSummary, resourceTools } from './tools.js';
export { type DocumentToolName, documentToolNames } from './tool-names.js';
