/** How the agents module names an agent offered as a tool (`agent__<name>`, its ActorToolSource). */
const agentToolPrefix = 'agent__';

/** `@name` at the start of a message: an agent's name (a slug), then a space, a comma or a colon. */
const mentionPattern = /^@([a-z0-9][a-z0-9_-]*)(?=[\s,:]|$)/i;

/**
 * The tool that asks the agent a chat message starts by mentioning (`@writer draft a note` →
 * `agent__writer`), when the user may ask that agent (its tool is among theirs); else undefined, and
 * the message is an ordinary one.
 */
export function mentionedAgentTool(message: string | undefined, toolNames: readonly string[]) {
  const name = message === undefined ? undefined : mentionPattern.exec(message.trim())?.[1];
  const tool = name === undefined ? undefined : `${agentToolPrefix}${name.toLowerCase()}`;
  return tool !== undefined && toolNames.includes(tool) ? tool : undefined;
}

/**
 * The mention's consent, as `assistantTools` asks it per call: only the call the mention forced —
 * the first call of the mentioned agent's tool in the turn — skips approval; any other call of it
 * (a second one in the same step, or in a later step) is held as usual.
 */
export function mentionConsent(forceTool: string | undefined) {
  let consented: string | undefined;
  return (toolName: string, toolCallId: string): boolean => {
    if (forceTool === undefined || toolName !== forceTool) return false;
    consented ??= toolCallId;
    return consented === toolCallId;
  };
}
