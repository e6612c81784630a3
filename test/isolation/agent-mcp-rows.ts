/**
 * The isolation rows of the agents' MCP tools (definitions, runs, mailboxes, teams, the
 * coordinator), spread into mcp-rows.ts. The owner's agent says "owner-only words", which another
 * user's answers must never hold.
 */
import type { McpRowContext, McpToolRow } from './mcp-rows.js';

const suffix = () => Math.random().toString(36).slice(2, 8);

/** A fresh private agent of the owner's (no tools: the built-in assistant answers it offline). */
const ownerAgent = async ({ app, owner }: McpRowContext) =>
  (
    await app.agents.create(owner, {
      name: `owner-agent-${suffix()}`,
      description: 'Keeps owner-only words',
      instructions: 'Answer briefly.',
    })
  ).id;

/** A message the owner sent to their agent and took from its mailbox, waiting for its acknowledgement. */
const ownerTakenMessage = async (context: McpRowContext) => {
  const agent = await ownerAgent(context);
  const mailbox = context.app.agentCoop.mailbox;
  const sent = await mailbox.send(context.owner, { agent }, { payload: { note: 'owner-only words' } });
  await mailbox.receive(context.owner, { agent });
  return sent.id;
};

export const agentMcpRows: McpToolRow[] = [
  {
    tool: 'list_agents',
    arguments: async (context) => (await ownerAgent(context), {}),
    otherUser: 'own_items_only',
  },
  {
    tool: 'get_agent',
    arguments: async (context) => ({ agent: await ownerAgent(context) }),
    otherUser: 'not_found',
  },
  {
    tool: 'ask_agent',
    arguments: async (context) => ({ agent: await ownerAgent(context), input: 'Say hello' }),
    otherUser: 'not_found',
  },
  {
    tool: 'get_agent_run',
    arguments: async (context) => {
      const run = await context.app.agentRuns.start(context.owner, await ownerAgent(context), {
        input: 'Say hello',
      });
      return { run_id: run.id };
    },
    otherUser: 'not_found',
  },
  {
    tool: 'send_agent_message',
    arguments: async (context) => ({ agent: await ownerAgent(context), payload: { note: 'hello' } }),
    otherUser: 'not_found',
  },
  {
    tool: 'receive_agent_messages',
    arguments: async (context) => ({ agent: await ownerAgent(context) }),
    otherUser: 'not_found',
  },
  {
    tool: 'ack_agent_message',
    arguments: async (context) => ({ message_id: await ownerTakenMessage(context) }),
    otherUser: 'not_found',
  },
  {
    tool: 'ask_team',
    arguments: async (context) => {
      const team = await context.app.agentCoop.teams.create(context.owner, {
        name: `owner-team-${suffix()}`,
        description: 'owner-only words',
        pattern: 'vote',
        members: [{ agent: await ownerAgent(context) }],
      });
      return { team: team.id, input: 'Say hello' };
    },
    otherUser: 'not_found',
  },
  {
    tool: 'coordinate_agents',
    arguments: async (context) => (await ownerAgent(context), { goal: 'Keeps the words' }),
    otherUser: 'own_items_only',
  },
  {
    tool: 'get_agent_coordination',
    arguments: async (context) => {
      await ownerAgent(context);
      const coordination = await context.app.agentCoop.coordinator.start(context.owner, {
        goal: 'Keeps the owner-only words',
      });
      return { id: coordination.id };
    },
    otherUser: 'not_found',
  },
];
