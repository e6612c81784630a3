export { registerTaskRoutes } from './routes.js';
export { createTaskService, type TaskService } from './service.js';
export { taskTools } from './tools.js';
export { taskResources, taskUri } from './mcp-resources.js';
