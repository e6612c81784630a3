import { z } from 'zod';
import { pageSize } from '../../db/page-size.js';
import { changeSchemaOf } from './change-schema.js';
import { agentDefinitionSchema, agentVisibilitySchema } from './definition.js';

/** A time on the wire: ISO 8601 in UTC. */
const timestamp = z.iso.datetime().describe('ISO 8601');

export const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    definition: agentDefinitionSchema,
    version: z.number().int().describe('The current version; every save makes a new one'),
    visibility: agentVisibilitySchema.describe(
      'private: yours only; shared: every user may read and run it; published: also in the marketplace',
    ),
    builtin: z.boolean().describe('A built-in specialist: everyone may run it, nobody changes it'),
    is_owner: z.boolean().describe('True when you own it (only owners change agents)'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof agentSchema>;

export const agentPageSchema = z.object({ items: z.array(agentSchema), next_cursor: z.string().nullable() });
export type AgentPage = z.infer<typeof agentPageSchema>;

export const listAgentsQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('Words in the name or description'),
  mine: z
    .union([z.boolean(), z.stringbool()])
    .optional()
    .describe('true: only yours; false: only built-ins and others’ shared ones'),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional(),
});
export type ListAgentsQuery = z.input<typeof listAgentsQuerySchema>;

/** A change to an agent: the fields given replace the current ones, the others stay (a new version). */
export const updateAgentInputSchema = changeSchemaOf(agentDefinitionSchema).refine(
  (fields) => Object.values(fields).some((value) => value !== undefined),
  {
    message: 'Give at least one field to change',
  },
);
export type UpdateAgentInput = z.input<typeof updateAgentInputSchema>;

export const agentVersionSchema = z
  .object({
    version: z.number().int(),
    definition: agentDefinitionSchema,
    created_at: timestamp,
  })
  .meta({ id: 'AgentVersion' });
export type AgentVersion = z.infer<typeof agentVersionSchema>;

export const agentRunStatusSchema = z.enum([
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
]);

export const pendingApprovalSchema = z.object({
  approval_id: z.string(),
  tool: z.string(),
  input: z.unknown(),
});

/** The owner's answers to the tool calls a waiting run holds. */
export const answerAgentRunApprovalsInputSchema = z.object({
  approvals: z
    .array(
      z.object({
        approval_id: z.string().min(1).max(200),
        approved: z.boolean(),
        reason: z.string().max(2_000).optional().describe('Why not, for the model to read'),
      }),
    )
    .min(1)
    .max(50),
});
export type AnswerAgentRunApprovalsInput = z.input<typeof answerAgentRunApprovalsInputSchema>;

export const agentRunSchema = z
  .object({
    id: z.string(),
    agent_id: z.string(),
    agent_name: z.string(),
    agent_version: z.number().int(),
    parent_run_id: z.string().nullable(),
    team_run_id: z.string().nullable(),
    depth: z.number().int(),
    status: agentRunStatusSchema,
    input: z.string(),
    output: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    approvals: z
      .array(pendingApprovalSchema)
      .describe('While waiting: the tool calls held for your approval (POST …/approvals answers them)'),
    steps: z.number().int().describe('Model steps taken'),
    tokens_in: z.number().int(),
    tokens_out: z.number().int(),
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'AgentRun' });
export type AgentRunView = z.infer<typeof agentRunSchema>;

/** One tool call a run made, as its recorded steps tell it (the chat's tool part, with the step). */
export const agentRunToolCallSchema = z
  .object({
    tool_call_id: z.string(),
    tool: z.string(),
    step: z.number().int().describe('The model step (from 1) that made the call'),
    input: z.unknown(),
    state: z
      .enum(['running', 'awaiting_approval', 'success', 'error', 'denied'])
      .describe(
        'awaiting_approval: held for your answer (`approved` once given, until it runs); running: no result recorded',
      ),
    output: z.unknown().optional(),
    error: z.string().optional(),
    duration_ms: z.number().nonnegative().optional().describe('How long the tool ran'),
    approval_id: z.string().optional().describe('Set when the call was held for approval'),
    approved: z.boolean().optional().describe('Your answer to a held call, once given'),
  })
  .meta({ id: 'AgentRunToolCall' });
export type AgentRunToolCall = z.infer<typeof agentRunToolCallSchema>;

export const agentRunDetailSchema = agentRunSchema
  .extend({
    tool_calls: z
      .array(agentRunToolCallSchema)
      .describe('The tool calls of its finished steps, in the order made, with their results'),
  })
  .meta({ id: 'AgentRunDetail' });
export type AgentRunDetail = z.infer<typeof agentRunDetailSchema>;

export const agentRunPageSchema = z.object({
  items: z.array(agentRunSchema),
  next_cursor: z.string().nullable(),
});
export type AgentRunPage = z.infer<typeof agentRunPageSchema>;

export const startAgentRunInputSchema = z.object({
  agent: z.string().min(1).max(200).describe('The agent id or name'),
  input: z.string().min(1).max(200_000).describe('What to ask the agent'),
  parent_run_id: z.string().min(1).max(200).optional(),
  team_run_id: z.string().min(1).max(200).optional(),
});
export type StartAgentRunInput = z.input<typeof startAgentRunInputSchema>;

/** What the services take beside the agent when starting a run. */
export interface StartRunOptions {
  input: string;
  parent_run_id?: string | undefined;
  team_run_id?: string | undefined;
  depth?: number | undefined;
}

export const listAgentRunsQuerySchema = z.object({
  agent: z.string().min(1).max(200).optional().describe('Only runs of this agent (id or name)'),
  status: agentRunStatusSchema.optional(),
  parent_run_id: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(pageSize.min).max(pageSize.max).default(pageSize.default),
  cursor: z.string().optional(),
});
export type ListAgentRunsQuery = z.input<typeof listAgentRunsQuerySchema>;

export const waitAgentRunQuerySchema = z.object({
  timeout_ms: z.coerce.number().int().min(0).max(600_000).default(30_000),
});

/** What `ask` answers: the run, its answer and how it ended. */
export interface AgentAnswer {
  run_id: string;
  status: AgentRunView['status'];
  output: string | null;
  error: AgentRunView['error'];
}

export const agentHealthSchema = z
  .object({
    agent_id: z.string(),
    name: z.string(),
    healthy: z.boolean().describe('Its model answers and all its tools exist'),
    model: z.object({ id: z.string(), reachable: z.boolean(), message: z.string().nullable() }),
    tools: z.object({ available: z.boolean(), missing: z.array(z.string()) }),
    runs: z.number().int().describe('Your runs of it'),
    success_rate: z.number().nullable().describe('Succeeded / ended (succeeded or failed); null before any'),
    p50_ms: z.number().nullable(),
    p95_ms: z.number().nullable(),
    tokens_in: z.number().int(),
    tokens_out: z.number().int(),
    last_error: z.object({ code: z.string(), message: z.string(), at: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'AgentHealth' });
export type AgentHealth = z.infer<typeof agentHealthSchema>;
