import type { FastifyInstance } from 'fastify';
import { registerWorkflowRunRoutes } from './routes/runs.js';
import type { WorkflowService } from './service.js';

/**
 * The REST adapter: /api/v1/workflows, /api/v1/workflow-runs, /api/v1/approvals,
 * /api/v1/workflow-templates and the webhook /api/v1/hooks/{id} (one file per area in routes/).
 */
export function registerWorkflowRoutes(app: FastifyInstance, service: WorkflowService) {
  registerWorkflowRunRoutes(app, service);
}
