import { z } from 'zod';

/**
 * An agent definition: the document a user writes (JSON), the same over REST, MCP and the
 * marketplace. One run of an agent is the chat loop with these instructions, these tools and
 * these limits, as the user who started it.
 */

/** An agent name: how tools (`agent__<name>`), mentions (`@name`) and `ask_agent` name it. */
export const agentNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9\-_]*$/,
    'use lowercase letters, digits, - and _ (starting with a letter or digit)',
  );

/** One thing an agent can do, used for matching a goal to agents. */
export const agentCapabilitySchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(2_000),
  input_schema: z.record(z.string(), z.unknown()).optional().describe('A JSON Schema of what it takes'),
});
export type AgentCapability = z.infer<typeof agentCapabilitySchema>;

/**
 * What the agent may remember (off by default): with `read`, each run's system prompt gets the
 * memories of `scope` (the agent's own, or its owner's) recalled for the run's input.
 */
export const agentMemorySchema = z.object({
  read: z.boolean().default(false),
  write: z.boolean().default(false),
  scope: z.enum(['agent', 'user']).default('agent'),
});

/** Which context spaces the agent reads (the context issue fills this in). */
export const agentContextSchema = z.object({
  spaces: z.array(z.string().min(1).max(200)).max(50).default([]),
});

export const agentLimitsSchema = z.object({
  max_steps: z.number().int().min(1).max(50).default(8).describe('Model steps in one run, at most'),
  max_tokens: z.number().int().min(1).max(1_000_000).optional().describe('Output tokens of one step'),
  timeout_ms: z
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(120_000)
    .describe('A run that takes longer fails with AGENT_TIMEOUT'),
});

export const agentVisibilitySchema = z.enum(['private', 'shared', 'published']);
export type AgentVisibility = z.infer<typeof agentVisibilitySchema>;

export const agentDefinitionSchema = z
  .object({
    name: agentNameSchema,
    description: z.string().trim().min(1).max(2_000),
    instructions: z.string().max(50_000).default('').describe('The system prompt of every run'),
    instructions_prompt: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('A library prompt whose text comes before the instructions'),
    model: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .default(null)
      .describe('A model id; null: the default model (the built-in assistant when none is set up)'),
    tools: z
      .array(z.string().min(1).max(200))
      .max(100)
      .default([])
      .describe('The tools it may call: registry names, <server>__<tool>, workflow__<name>, agent__<name>'),
    capabilities: z.array(agentCapabilitySchema).max(50).default([]),
    memory: agentMemorySchema.default({ read: false, write: false, scope: 'agent' }),
    context: agentContextSchema.default({ spaces: [] }),
    limits: agentLimitsSchema.default({ max_steps: 8, timeout_ms: 120_000 }),
    visibility: agentVisibilitySchema.default('private'),
  })
  .meta({ id: 'AgentDefinition' });

/** A definition as stored: every default filled in. */
export type AgentDefinition = z.infer<typeof agentDefinitionSchema>;
/** A definition as written: defaults may be left out. */
export type AgentDefinitionInput = z.input<typeof agentDefinitionSchema>;
