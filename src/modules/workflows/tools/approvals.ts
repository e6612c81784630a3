import { z } from 'zod';
import { defineTool, type Tool } from '../../../tools/tool.js';
import {
  answerApprovalInputSchema,
  type ApprovalView,
  approvalPageSchema,
  approvalSchema,
  listApprovalsInputSchema,
} from '../schema/approvals.js';
import type { WorkflowApprovals } from '../service/approvals.js';
import { workflowToolNames } from '../tool-names.js';

const describeApproval = (approval: ApprovalView) =>
  `"${approval.message}" (${approval.workflow_name}, step ${approval.step_path}, ${approval.status}, id ${approval.id})`;

/** The approvals inbox as tools: what waits for the user, and their answer. */
export function approvalTools(approvals: WorkflowApprovals): Tool[] {
  return [
    defineTool({
      name: workflowToolNames.listApprovals,
      title: 'List approvals',
      toolset: 'Workflows',
      description:
        'Lists the workflow approvals of the user, newest first: by default those waiting for an answer (status pending), with the question, the workflow, and the JSON Schema of any form values asked for. Pass next_cursor back as cursor for the next page.',
      input: listApprovalsInputSchema,
      output: approvalPageSchema,
      readOnly: true,
      run: (actor, input) => approvals.list(actor, input),
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'Nothing is waiting for an answer.'
          : `${items.map((approval) => `- ${describeApproval(approval)}`).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
    defineTool({
      name: workflowToolNames.answerApproval,
      title: 'Answer an approval',
      toolset: 'Workflows',
      description:
        'Approves (approved: true) or refuses (approved: false) a workflow approval of the user, with an optional comment and the form values its fields ask for; the waiting run takes the answer up at once, or within a minute when this server runs without the workflow engine (switchboard mcp). An approval is answered once: a second answer fails with APPROVAL_ALREADY_ANSWERED.',
      input: answerApprovalInputSchema,
      output: z.object({ approval: approvalSchema }),
      run: async (actor, { approval_id, ...answer }) => ({
        approval: await approvals.answer(actor, approval_id, answer, actor.via),
      }),
      summarize: ({ approval }) =>
        `${approval.status === 'approved' ? 'Approved' : 'Refused'} ${describeApproval(approval)}; the waiting run goes on within a minute.`,
    }),
  ];
}
