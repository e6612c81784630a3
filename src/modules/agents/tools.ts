import { z } from 'zod';
import { defineTool, type Tool } from '../../tools/tool.js';
import { agentRunSchema, agentSchema, listAgentsQuerySchema, type Agent } from './schema.js';
import type { AgentsService } from './service.js';
import type { AgentRunsService } from './service/runs.js';
import { agentToolNames } from './tool-names.js';

/** What a model needs to pick an agent: what it is for and what it can do, not its instructions. */
const agentSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  capabilities: z.array(z.object({ name: z.string(), description: z.string() })),
  builtin: z.boolean(),
  is_owner: z.boolean(),
});

const summarize = (agent: Agent): z.infer<typeof agentSummarySchema> => ({
  id: agent.id,
  name: agent.name,
  description: agent.description,
  capabilities: agent.definition.capabilities.map(({ name, description }) => ({ name, description })),
  builtin: agent.builtin,
  is_owner: agent.is_owner,
});

/** The agent tools: list the agents the user may ask, read one, ask one, follow a run. */
export function agentTools({ agents, runs }: { agents: AgentsService; runs: AgentRunsService }): Tool[] {
  return [
    defineTool({
      name: agentToolNames.list,
      title: 'List agents',
      toolset: 'Agents',
      description:
        'Lists the agents the user may ask — their own, the built-in specialists and the shared ones, newest first — with what each can do. q searches names and descriptions; mine: true keeps only the user’s own. Pass next_cursor back as cursor for the next page.',
      input: listAgentsQuerySchema,
      output: z.object({ items: z.array(agentSummarySchema), next_cursor: z.string().nullable() }),
      readOnly: true,
      run: async (actor, input) => {
        const page = await agents.list(actor, input);
        return { items: page.items.map(summarize), next_cursor: page.next_cursor };
      },
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'No agents.'
          : `${items.map((agent) => `- ${agent.name}: ${agent.description}`).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
    defineTool({
      name: agentToolNames.get,
      title: 'Read an agent',
      toolset: 'Agents',
      description:
        'Reads one agent the user may ask (their own, a built-in or a shared one), by id or name: its whole definition (instructions, tools, capabilities, limits) and version.',
      input: z.object({ agent: z.string().min(1).max(200).describe('The agent’s id or name') }),
      output: z.object({ agent: agentSchema }),
      readOnly: true,
      run: async (actor, { agent }) => ({ agent: await agents.get(actor, agent) }),
      summarize: ({ agent }) => `${agent.name} (version ${agent.version}): ${agent.description}`,
    }),
    defineTool({
      name: agentToolNames.ask,
      title: 'Ask an agent',
      toolset: 'Agents',
      description:
        'Asks an agent (by id or name; list_agents shows them) and answers with its reply. The agent works as the user, with its own instructions and tools. A run that outlasts the wait goes on: get_agent_run follows it by run_id.',
      input: z.object({
        agent: z.string().min(1).max(200).describe('The agent’s id or name'),
        input: z.string().min(1).max(200_000).describe('What to ask it, in words'),
      }),
      output: z.object({
        run_id: z.string(),
        status: z.string(),
        output: z.string().nullable(),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
      }),
      destructive: true,
      run: async (actor, { agent, input }, { signal }) => runs.ask(actor, agent, input, { signal }),
      summarize: ({ run_id, status, output, error }) =>
        status === 'succeeded'
          ? (output ?? '')
          : error
            ? `${error.code}: ${error.message} (run ${run_id})`
            : `Run ${run_id} is ${status}; get_agent_run follows it.`,
    }),
    defineTool({
      name: agentToolNames.getRun,
      title: 'Read an agent run',
      toolset: 'Agents',
      description: 'Reads one of the user’s agent runs by id: its status, output or error, steps and tokens.',
      input: z.object({ run_id: z.string().min(1).max(200) }),
      output: z.object({ run: agentRunSchema }),
      readOnly: true,
      run: async (actor, { run_id }) => ({ run: await runs.get(actor, run_id) }),
      summarize: ({ run }) =>
        `Run ${run.id} of ${run.agent_name}: ${run.status}${run.output ? `\n${run.output}` : ''}${run.error ? `\n${run.error.code}: ${run.error.message}` : ''}`,
    }),
  ];
}
