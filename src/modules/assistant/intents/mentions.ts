import { type Intent, reply } from './intent.js';

/** The reply an agent tool answered with (`{ output }`), as text. */
function agentReply(value: unknown): string {
  const output = (value as { output?: unknown } | null)?.output;
  if (typeof output === 'string') return output;
  const status = (value as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? `The agent's run is ${status}; it goes on.` : JSON.stringify(value);
}

/**
 * "@writer draft a note about …": asks the agent named (its tool `agent__<name>`, which the chat
 * offers for every agent the user may ask) with the rest of the message, then answers with the
 * agent's reply. An agent the user may not ask is not among the tools: the assistant says so.
 */
export const mentionIntents: Intent[] = [
  {
    name: 'ask an agent by mention',
    patterns: [/^@(?<name>[a-z0-9][a-z0-9_-]*)[,:]?\s+(?<request>[\s\S]+)$/i],
    plan: ({ name, request }, context) => {
      const toolName = `agent__${(name ?? '').toLowerCase()}`;
      const asked = context.turn.outcomes.findLast(
        (outcome) => outcome.toolName === toolName && outcome.result?.kind === 'output',
      );
      if (asked?.result?.kind === 'output') return reply(agentReply(asked.result.value));
      return { type: 'call', toolName, input: { input: (request ?? '').trim() } };
    },
  },
];
