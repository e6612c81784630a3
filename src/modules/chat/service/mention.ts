/** How the agents module names an agent and a team offered as tools (`agent__<name>`, `team__<name>`). */
const mentionToolPrefixes = ['agent__', 'team__'] as const;

/** `@name` at the start of a message: an agent's or a team's name (a slug), then a space, a comma or a colon. */
const mentionPattern = /^@([a-z0-9][a-z0-9_-]*)(?=[\s,:]|$)/i;

/**
 * The tool that asks the agent or team a chat message starts by mentioning (`@writer draft a note`
 * → `agent__writer`, `@editors …` → `team__editors`), when it is among the user's tools (an agent
 * they may ask, a team of theirs; an agent wins over a team of the same name); else undefined, and
 * the message is an ordinary one.
 */
export function mentionedTool(message: string | undefined, toolNames: readonly string[]) {
  const name = message === undefined ? undefined : mentionPattern.exec(message.trim())?.[1];
  if (name === undefined) return undefined;
  return mentionToolPrefixes
    .map((prefix) => `${prefix}${name.toLowerCase()}`)
    .find((tool) => toolNames.includes(tool));
}

/**
 * The mention's consent, as `assistantTools` asks it per call: only the call the mention forced —
 * the first call of the mentioned agent's (or team's) tool in the turn — skips approval; any other call of it
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
