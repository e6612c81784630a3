/** The agent tools' names, for code that calls a tool by name (the built-in assistant). */
export const agentToolNames = {
  ask: 'ask_agent',
  list: 'list_agents',
  get: 'get_agent',
  getRun: 'get_agent_run',
} as const;

export type AgentToolName = (typeof agentToolNames)[keyof typeof agentToolNames];
