import type { Tool } from '../../tools/tool.js';
import type { WorkflowService } from './service.js';
import { workflowRunTools } from './tools/runs.js';

/** The workflow tools (one file per area in tools/): MCP, REST /api/v1/tools and the chat. */
export function workflowTools(service: WorkflowService): Tool[] {
  return [...workflowRunTools(service)];
}
