import type { Actor } from '../../../actor.js';
import type { Database } from '../../../db/database.js';
import { matchAgents, type UnavailableAgent, type UnavailableAgents } from '../service/match.js';
import type { CoordinationPart } from './schema.js';

/** A part of a goal and the agent it goes to (none: no agent matched it or the goal). */
export interface PlannedPart {
  part: string;
  agent_id: string | null;
  agent: string | null;
}

/** A goal's parts: its sentences, lines and "then"-joined steps (the goal itself when it has one). */
export function splitGoal(goal: string): string[] {
  const parts = goal
    .split(/(?<=[.!?])\s+|\n+|;\s*|,?\s+and then\s+|,?\s+then\s+/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 2);
  return parts.length > 0 ? parts.slice(0, 10) : [goal];
}

/**
 * Gives each part of the goal the agent whose capabilities match it best (full text, as `match`),
 * else the goal's best; agents whose model or tools are down are never chosen, and are returned.
 */
export async function planParts(
  { db, unavailable }: { db: Database; unavailable: UnavailableAgents },
  actor: Actor,
  goal: string,
): Promise<{ parts: PlannedPart[]; unavailable: UnavailableAgent[] }> {
  const leftOut = new Map<string, UnavailableAgent>();
  const bestFor = async (text: string) => {
    const found = await matchAgents(db, actor, { goal: text.slice(0, 2_000), limit: 1 }, unavailable);
    for (const agent of found.unavailable) leftOut.set(agent.agent_id, agent);
    return found.items[0];
  };
  const overall = await bestFor(goal);
  const parts = await Promise.all(
    splitGoal(goal).map(async (part) => {
      const chosen = (await bestFor(part)) ?? overall;
      return { part, agent_id: chosen?.agent_id ?? null, agent: chosen?.name ?? null };
    }),
  );
  return { parts, unavailable: [...leftOut.values()] };
}

/** The report: a line per part with its agent's answer, then a line per agent left out. */
export function reportOf(parts: CoordinationPart[], unavailable: UnavailableAgent[]): string {
  return parts
    .map((each) =>
      each.agent
        ? `- ${each.part} → ${each.agent}: ${each.status === 'succeeded' ? (each.output ?? '') : `(${each.status}) ${each.error?.message ?? ''}`}`
        : `- ${each.part} → no agent matched`,
    )
    .concat(unavailable.map((agent) => `- ${agent.name} left out: ${agent.reason}`))
    .join('\n');
}
