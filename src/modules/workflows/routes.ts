import type { FastifyInstance } from 'fastify';
import { registerApprovalRoutes } from './routes/approvals.js';
import { registerWorkflowTemplateRoutes } from './routes/templates.js';
import { registerWorkflowDefinitionRoutes } from './routes/workflows.js';
import { registerWorkflowRunRoutes } from './routes/runs.js';
import { registerHookRoutes } from './routes/hooks.js';
import { registerPipelineRoutes } from './routes/pipelines.js';
import type { WorkflowService } from './service.js';

/**
 * The REST adapter: /api/v1/workflows, /api/v1/workflow-runs, /api/v1/approvals,
 * /api/v1/workflow-templates and the webhook /api/v1/hooks/{id} (one file per area in routes/).
 */
export function registerWorkflowRoutes(app: FastifyInstance, service: WorkflowService) {
  registerApprovalRoutes(app, service.approvals);
  registerWorkflowDefinitionRoutes(app, service.definitions);
  registerWorkflowTemplateRoutes(app, service.definitions);
  registerWorkflowRunRoutes(app, service);
  registerHookRoutes(app, service.triggers);
  registerPipelineRoutes(app, service);
}
