export { registerTaskRoutes } from './routes.js';
export { createTaskService, type TaskService } from './service.js';
export { taskTools } from './tools.js';
export { taskResources, taskUri } from './mcp-resources.js';
export { type TaskToolName, taskToolNames } from './tool-names.js';
export type {
  AddTaskInput,
  ListTasksInput,
  SearchTasksInput,
  Task,
  TaskIdInput,
  TaskIdsInput,
  TaskPage,
  UpdateTaskFields,
} from './schema.js';
