import { z } from 'zod';
import { changeSchemaOf } from '../change-schema.js';
import { agentNameSchema } from '../definition.js';

export const teamPatterns = ['supervisor', 'pipeline', 'review', 'vote'] as const;
export type TeamPattern = (typeof teamPatterns)[number];

export const teamMemberSchema = z.object({
  agent: z.string().min(1).max(200).describe('An agent’s id or name (yours, shared or built-in)'),
  role: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .describe('supervisor / worker (supervisor), writer / critic (review); otherwise free text'),
  compensation_tool: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Pipeline: the tool that undoes this member’s work when a later member fails'),
  compensation_input: z
    .record(z.string(), z.json())
    .optional()
    .describe('Its arguments; a string "{{output}}" in them is replaced by this member’s output'),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const voteStrategies = ['majority', 'first', 'longest', 'shortest'] as const;

export const teamOptionsSchema = z.object({
  max_rounds: z.number().int().min(1).max(10).default(3).describe('Review: writer-critic rounds at most'),
  approval_marker: z
    .string()
    .min(1)
    .max(100)
    .default('APPROVED')
    .describe('Review: the critic approves by saying this (or answering JSON {"approved": true})'),
  strategy: z.enum(voteStrategies).default('majority').describe('Vote: how the answer is chosen'),
});
export type TeamOptions = z.infer<typeof teamOptionsSchema>;

export const createTeamInputSchema = z.object({
  name: agentNameSchema,
  description: z.string().trim().max(2_000).default(''),
  pattern: z.enum(teamPatterns),
  members: z.array(teamMemberSchema).min(1).max(10),
  options: teamOptionsSchema.default({ max_rounds: 3, approval_marker: 'APPROVED', strategy: 'majority' }),
});
export type CreateTeamInput = z.input<typeof createTeamInputSchema>;

/** A change to a team: the fields given replace the current ones, the others stay. */
export const updateTeamInputSchema = changeSchemaOf(createTeamInputSchema);
export type UpdateTeamInput = z.input<typeof updateTeamInputSchema>;

/** The team as a run uses it, fixed at the start. */
export interface TeamSnapshot {
  name: string;
  pattern: TeamPattern;
  members: TeamMember[];
  options: TeamOptions;
}

/** One member's turn in a team run (an agent run), or a compensation. */
export const teamTurnSchema = z.object({
  key: z.string().describe('Unique in the run: the step that made it'),
  kind: z.enum(['turn', 'compensation']),
  member: z.number().int().describe('Index in the team’s members'),
  agent: z.string(),
  role: z.string().nullable(),
  round: z.number().int(),
  run_id: z.string().nullable(),
  status: z.string(),
  output: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type TeamTurn = z.infer<typeof teamTurnSchema>;

const timestamp = z.string();

export const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    pattern: z.enum(teamPatterns),
    members: z.array(teamMemberSchema),
    options: teamOptionsSchema,
    version: z.number().int().describe('1 when made, one more at each change'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'AgentTeam' });
export type TeamView = z.infer<typeof teamSchema>;

export const teamListSchema = z.object({ items: z.array(teamSchema) });

export const teamRunSchema = z
  .object({
    id: z.string(),
    team_id: z.string(),
    team_name: z.string(),
    pattern: z.enum(teamPatterns),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    input: z.string(),
    output: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    turns: z.array(teamTurnSchema),
    context_space_id: z.string().nullable(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
  })
  .meta({ id: 'AgentTeamRun' });
export type TeamRunView = z.infer<typeof teamRunSchema>;

export const teamRunListSchema = z.object({ items: z.array(teamRunSchema) });

export const runTeamInputSchema = z.object({
  input: z.string().min(1).max(100_000),
  wait: z.boolean().default(false).describe('Answer once the run ends (or timeout_ms passes)'),
  timeout_ms: z.number().int().min(0).max(600_000).default(120_000),
});
export type RunTeamInput = z.input<typeof runTeamInputSchema>;
