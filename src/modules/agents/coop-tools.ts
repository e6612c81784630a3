import { z } from 'zod';
import { defineTool, type Tool } from '../../tools/tool.js';
import type { AgentCoop } from './coop.js';
import { mailboxTools } from './mailbox/tools.js';
import { coordinateInputSchema, coordinationSchema } from './coordination/schema.js';
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
      run: (actor, input) => coop.coordinator.coordinate(actor, input),
      summarize: ({ id, status, report }) => report ?? `The coordination ${id} is ${status}.`,
    }),
    defineTool({
      name: 'get_agent_coordination',
      title: 'Read a coordination',
      toolset: 'Agents',
      readOnly: true,
      description:
        'Reads one of the user’s coordinations (from coordinate_agents): its status, each part’s agent, run and answer, and the report once it ended.',
      input: z.object({
        id: z.string().min(1).max(200).describe('The coordination’s id (coord_…)'),
        wait_ms: z
          .number()
          .int()
          .min(0)
          .max(600_000)
          .default(0)
          .describe('Wait up to this long for it to end'),
      }),
      output: coordinationSchema,
      run: (actor, { id, wait_ms }) => coop.coordinator.get(actor, id, { wait_ms }),
      summarize: ({ id, status, report }) => report ?? `The coordination ${id} is ${status}.`,
    }),
  ];
}
