import { z } from 'zod';
import { pageSize } from '../../../db/page-size.js';

export const approvalStatuses = ['pending', 'approved', 'refused', 'expired', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

const approvalId = z.string().min(1).max(100).describe('The approval id, as list_approvals gives it');

/** An approval as its owner sees it: what a run asks, and the answer once given. */
export const approvalSchema = z
  .object({
    id: z.string(),
    run_id: z.string(),
    workflow_name: z.string(),
    step_path: z.string().describe('The approval step in the run, e.g. review or each[2].check'),
    message: z.string().describe('What the person is asked'),
    fields: z.record(z.string(), z.unknown()).nullable().describe('JSON Schema of the form values asked for'),
    status: z.enum(approvalStatuses),
    comment: z.string().nullable(),
    values: z.record(z.string(), z.unknown()).nullable(),
    answered_by: z.string().nullable().describe('The user who answered'),
    answered_via: z.string().nullable().describe('http, mcp or chat'),
    expires_at: z.string().nullable().describe('ISO 8601; the step fails with APPROVAL_EXPIRED after it'),
    created_at: z.string(),
    answered_at: z.string().nullable(),
  })
  .meta({ id: 'WorkflowApproval' });
export type ApprovalView = z.infer<typeof approvalSchema>;

export const approvalPageSchema = z.object({
  items: z.array(approvalSchema),
  next_cursor: z.string().nullable(),
});
export type ApprovalPage = z.infer<typeof approvalPageSchema>;

export const listApprovalsInputSchema = z.object({
  status: z
    .enum([...approvalStatuses, 'all'])
    .default('pending')
    .describe('pending (the default: what waits for you), an answered status, or all'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional().describe('The next_cursor of the previous page'),
});
export type ListApprovalsInput = z.input<typeof listApprovalsInputSchema>;

/** The answer: approve or refuse (a refusal is an answer the workflow branches on, not a failure). */
export const answerApprovalBodySchema = z.object({
  approved: z.boolean().describe('true to approve, false to refuse'),
  comment: z.string().trim().max(10_000).optional().describe('Why, for the run and its owner'),
  values: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("The form values the approval asks for (its fields' JSON Schema)"),
});
export type AnswerApprovalBody = z.input<typeof answerApprovalBodySchema>;

/** The answer_approval tool's input: the approval and the answer. */
export const answerApprovalInputSchema = answerApprovalBodySchema.extend({ approval_id: approvalId });
