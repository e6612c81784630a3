import { z } from 'zod';
import type { Actor } from '../../../actor.js';
import { requireUser } from '../../../actor-policy.js';
import type { Database } from '../../../db/database.js';
import type { IdGenerator } from '../../../ids.js';
import type { AgentRunsService } from '../service.js';
import type { MailboxService } from './mailbox.js';
import {
  matchAgents,
  type UnavailableAgent,
  type UnavailableAgents,
  unavailableAgentSchema,
} from './match.js';

export const coordinateInputSchema = z.object({
  goal: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .describe('What to get done; several sentences become several parts'),
  timeout_ms: z.number().int().min(1_000).max(600_000).default(120_000),
});
export type CoordinateInput = z.input<typeof coordinateInputSchema>;

export const coordinationPartSchema = z.object({
  part: z.string(),
  agent: z.string().nullable(),
  run_id: z.string().nullable(),
  message_id: z.string().nullable(),
  status: z.string(),
  output: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export const coordinationSchema = z.object({
  correlation_id: z.string(),
  goal: z.string(),
  parts: z.array(coordinationPartSchema),
  unavailable: z
    .array(unavailableAgentSchema)
    .describe('Agents that matched a part but were left out: their model or tools are down'),
  report: z.string(),
});
export type Coordination = z.infer<typeof coordinationSchema>;

/** A goal's parts: its sentences, lines and "then"-joined steps (the goal itself when it has one). */
export function splitGoal(goal: string): string[] {
  const parts = goal
    .split(/(?<=[.!?])\s+|\n+|;\s*|,?\s+and then\s+|,?\s+then\s+/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 2);
  return parts.length > 0 ? parts.slice(0, 10) : [goal];
}

/**
 * The coordinator: splits a goal into parts, gives each part to the agent whose capabilities match
 * it best (full text, as `match`), each hand-off a run of that agent and a message in the run's
 * mailbox (correlation id: the coordination's), acknowledged once the run answered; then reports
 * the answers part by part. Works with the built-in assistant: the specialists answer offline.
 */
export function createCoordinator(deps: {
  db: Database;
  ids: IdGenerator;
  runs: AgentRunsService;
  mailbox: MailboxService;
  unavailable: UnavailableAgents;
}) {
  const { db, ids, runs, mailbox } = deps;
  return async function coordinate(actor: Actor, input: CoordinateInput): Promise<Coordination> {
    requireUser(actor);
    const { goal, timeout_ms } = coordinateInputSchema.parse(input);
    const correlationId = `coord_${ids()}`;
    // Agents whose model or tools are down are never handed a part; the report names them.
    const leftOut = new Map<string, UnavailableAgent>();
    const bestFor = async (text: string) => {
      const found = await matchAgents(db, actor, { goal: text, limit: 1 }, deps.unavailable);
      for (const agent of found.unavailable) leftOut.set(agent.agent_id, agent);
      return found.items[0];
    };
    const overall = await bestFor(goal);
    const parts = await Promise.all(
      splitGoal(goal).map(async (part) => {
        const chosen = (await bestFor(part)) ?? overall;
        if (!chosen)
          return {
            part,
            agent: null,
            run_id: null,
            message_id: null,
            status: 'unmatched',
            output: null,
            error: null,
          };
        const run = await runs.start(actor, chosen.agent_id, { input: part });
        const message = await mailbox.send(
          actor,
          { run_id: run.id },
          { payload: { goal, part }, correlation_id: correlationId, reply_to: 'coordinator' },
        );
        const ended = await runs.wait(actor, run.id, { timeout_ms });
        if (ended.status === 'succeeded') {
          await mailbox.receive(actor, { run_id: run.id }, { limit: 1 });
          await mailbox.ack(actor, message.id);
        }
        return {
          part,
          agent: chosen.name,
          run_id: run.id,
          message_id: message.id,
          status: ended.status,
          output: ended.output,
          error: ended.error,
        };
      }),
    );
    const report = parts
      .map((each) =>
        each.agent
          ? `- ${each.part} → ${each.agent}: ${each.status === 'succeeded' ? (each.output ?? '') : `(${each.status}) ${each.error?.message ?? ''}`}`
          : `- ${each.part} → no agent matched`,
      )
      .concat([...leftOut.values()].map((agent) => `- ${agent.name} left out: ${agent.reason}`))
      .join('\n');
    return { correlation_id: correlationId, goal, parts, unavailable: [...leftOut.values()], report };
  };
}
