import './events.js';

export { createWorkflowService, type WorkflowService } from './service.js';
export { registerWorkflowRoutes } from './routes.js';
export { workflowTools } from './tools.js';
export { type WorkflowToolName, workflowToolNames, workflowToolPrefix } from './tool-names.js';
export type { AgentStepRunner, WorkflowDeps } from './deps.js';
export { validatorFor } from './service/json-schema-validator.js';
