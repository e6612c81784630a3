import { z } from 'zod';
import { defineTool, type Tool } from '../../tools/tool.js';
import type { AgentCoop } from './coop.js';
import { mailboxTools } from './mailbox/tools.js';
import { coordinateInputSchema, coordinationSchema } from './service/coordinator.js';
import { teamRunSchema } from './teams/schema.js';

/** Agents working together as tools: the mailbox, ask_team and coordinate_agents. */
export function agentCoopTools(coop: AgentCoop): Tool[] {
  return [
    ...mailboxTools(coop.mailbox),
    defineTool({
      name: 'ask_team',
      title: 'Ask a team of agents',
      toolset: 'Agents',
      description:
        'Runs one of the user’s teams of agents (supervisor, pipeline, review or vote) on an input and answers with the team’s output and each member’s turn.',
      input: z.object({
        team: z.string().min(1).max(100).describe('The team’s id or name'),
        input: z.string().min(1).max(100_000),
        timeout_ms: z.number().int().min(1_000).max(600_000).default(120_000),
      }),
      output: z.object({ run: teamRunSchema }),
      run: async (actor, { team, input, timeout_ms }) => ({
        run: await coop.teams.run(actor, team, { input, wait: true, timeout_ms }),
      }),
      summarize: ({ run }) =>
        run.status === 'succeeded'
          ? (run.output ?? '')
          : `The team run ${run.id} is ${run.status}${run.error ? `: ${run.error.message}` : ''}.`,
    }),
    defineTool({
      name: 'coordinate_agents',
      title: 'Coordinate agents on a goal',
      toolset: 'Agents',
      description:
        'Splits a goal into parts, gives each part to the user’s agent whose capabilities match it best, and reports each agent’s answer.',
      input: coordinateInputSchema,
      output: coordinationSchema,
      run: (actor, input) => coop.coordinate(actor, input),
      summarize: ({ report }) => report,
    }),
  ];
}
