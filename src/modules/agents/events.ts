import { z } from 'zod';

const id = z.string();

/** The events this module publishes (merged into the bus's `EventMap`); all reach the owner's WebSocket. */
declare module '../../bus/events.js' {
  interface EventMap {
    'agent.created': { agent_id: string; owner_id: string; name: string };
    'agent.updated': { agent_id: string; owner_id: string; version: number };
    'agent.deleted': { agent_id: string; owner_id: string };
    'agent.run.started': {
      run_id: string;
      agent_id: string;
      owner_id: string;
      parent_run_id: string | null;
      depth: number;
    };
    /** One model step done, with the tools it called. */
    'agent.run.step': { run_id: string; owner_id: string; step: number; tool_calls: string[] };
    'agent.run.succeeded': { run_id: string; owner_id: string; duration_ms: number; steps: number };
    'agent.run.failed': { run_id: string; owner_id: string; error_code: string };
    'agent.run.cancelled': { run_id: string; owner_id: string };
    /** Emitted by the mailbox (agents-coop). */
    'agent.message.sent': { message_id: string; owner_id: string; channel: string; correlation_id?: string };
    'agent.message.acked': { message_id: string; owner_id: string; channel: string };
    'agent.message.redelivered': { message_id: string; owner_id: string; channel: string; attempt: number };
    'agent.message.dead_lettered': {
      message_id: string;
      owner_id: string;
      channel: string;
      attempts: number;
    };
  }
}

/** The payload schemas of this module's events, for GET /api/v1/events/types. */
export const agentEventSchemas = {
  'agent.created': z.object({ agent_id: id, owner_id: id, name: z.string() }),
  'agent.updated': z.object({ agent_id: id, owner_id: id, version: z.number().int() }),
  'agent.deleted': z.object({ agent_id: id, owner_id: id }),
  'agent.run.started': z.object({
    run_id: id,
    agent_id: id,
    owner_id: id,
    parent_run_id: id.nullable(),
    depth: z.number().int(),
  }),
  'agent.run.step': z.object({
    run_id: id,
    owner_id: id,
    step: z.number().int(),
    tool_calls: z.array(z.string()),
  }),
  'agent.run.succeeded': z.object({
    run_id: id,
    owner_id: id,
    duration_ms: z.number(),
    steps: z.number().int(),
  }),
  'agent.run.failed': z.object({ run_id: id, owner_id: id, error_code: z.string() }),
  'agent.run.cancelled': z.object({ run_id: id, owner_id: id }),
  'agent.message.sent': z.object({
    message_id: id,
    owner_id: id,
    channel: z.string(),
    correlation_id: z.string().optional(),
  }),
  'agent.message.acked': z.object({ message_id: id, owner_id: id, channel: z.string() }),
  'agent.message.redelivered': z.object({
    message_id: id,
    owner_id: id,
    channel: z.string(),
    attempt: z.number().int(),
  }),
  'agent.message.dead_lettered': z.object({
    message_id: id,
    owner_id: id,
    channel: z.string(),
    attempts: z.number().int(),
  }),
};
