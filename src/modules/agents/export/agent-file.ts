import { z } from 'zod';

/** The JSON file an agent travels in between instances (GET …/export, POST /api/v1/agents/import). */
export const agentFileSchema = z
  .object({
    format: z.literal('switchboard.agent').describe('Always switchboard.agent'),
    format_version: z.literal(1),
    exported_at: z.iso.datetime().describe('ISO 8601'),
    exported_version: z.number().int().min(1).describe('The agent’s version when exported'),
    agent: z
      .record(z.string(), z.unknown())
      .describe(
        'The agent definition (name, description, instructions, model, tools, capabilities, limits …)',
      ),
  })
  .meta({ id: 'AgentFile' });
export type AgentFile = z.infer<typeof agentFileSchema>;

export const importAgentQuerySchema = z.object({
  on_conflict: z
    .enum(['fail', 'rename'])
    .default('fail')
    .describe(
      'When you have an agent by that name: fail (409 AGENT_NAME_TAKEN) or import as name-2, name-3 …',
    ),
});
export type ImportAgentQuery = z.input<typeof importAgentQuerySchema>;
