import { type Intent, reply } from './intent.js';

/** The reply an agent's or a team's tool answered with (`{ output }`), as text. */
function agentReply(value: unknown): string {
  const output = (value as { output?: unknown } | null)?.output;
  if (typeof output === 'string') return output;
  const status = (value as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? `The run is ${status}; it goes on.` : JSON.stringify(value);
}

/**
 * "@writer draft a note about …": asks the agent named (its tool `agent__<name>`, which the chat
 * offers for every agent the user may ask), or else the user's team of that name (`team__<name>`),
 * with the rest of the message, then answers with the reply. A name that is neither among the tools
 * gets the answer that it is not available.
 */
export const mentionIntents: Intent[] = [
  {
    name: 'ask an agent or a team by mention',
    patterns: [/^@(?<name>[a-z0-9][a-z0-9_-]*)[,:]?\s+(?<request>[\s\S]+)$/i],
    plan: ({ name, request }, context) => {
      const slug = (name ?? '').toLowerCase();
      const team = `team__${slug}`;
      const agent = `agent__${slug}`;
      const toolName = !context.toolNames?.has(agent) && context.toolNames?.has(team) ? team : agent;
      const asked = context.turn.outcomes.findLast(
        (outcome) => outcome.toolName === toolName && outcome.result?.kind === 'output',
      );
      if (asked?.result?.kind === 'output') return reply(agentReply(asked.result.value));
      return { type: 'call', toolName, input: { input: (request ?? '').trim() } };
    },
  },
];
