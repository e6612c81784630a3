import type { Actor } from '../../../actor.js';

/** A capability as the mailbox and the matcher read it from an agent's definition. */
export interface CapabilityInfo {
  name: string;
  description: string;
  input_schema?: Record<string, unknown> | undefined;
}

/**
 * What the mailbox, the teams and the matcher need to know of agents and their runs, answered by
 * the agents service (see directory-adapter.ts). Each lookup throws the agents module's not-found
 * error for what the actor may not see.
 */
export interface AgentDirectory {
  agent(
    actor: Actor,
    idOrName: string,
  ): Promise<{ id: string; name: string; capabilities: CapabilityInfo[] }>;
  run(actor: Actor, runId: string): Promise<{ id: string; agent_id: string }>;
}
