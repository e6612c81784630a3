import type { Tool } from '../../tools/tool.js';
import type { WorkflowService } from './service.js';
import { approvalTools } from './tools/approvals.js';
import { workflowDefinitionTools } from './tools/definitions.js';
import { workflowRunTools } from './tools/runs.js';
import { pipelineTools } from './tools/pipelines.js';

/** The workflow tools (one file per area in tools/): MCP, REST /api/v1/tools and the chat. */
export function workflowTools(service: WorkflowService): Tool[] {
  return [
    ...workflowDefinitionTools(service.definitions),
    ...workflowRunTools(service),
    ...approvalTools(service.approvals),
    ...pipelineTools(service),
  ];
}
