import { z } from 'zod';
import { remoteAgentEventSchemas } from './a2a/remote-events.js';
import { marketplaceEventSchemas } from './marketplace/events.js';
import { teamEventSchemas } from './teams/events.js';

const id = z.string();

/** A message between agents in its events (`to_run_id` set: a run's mailbox, else the agent's). */
interface AgentMessageEvent {
  message_id: string;
  owner_id: string;
  to_agent_id: string;
  to_run_id: string | null;
  correlation_id: string | null;
  attempts: number;
}

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
    /** The run holds tool calls for its owner's approval and waits for the answer. */
    'agent.run.waiting': {
      run_id: string;
      owner_id: string;
      approvals: { approval_id: string; tool: string }[];
    };
    /** Emitted by the mailbox (agents-coop): a message's identity and how often it was delivered. */
    'agent.message.sent': AgentMessageEvent;
    'agent.message.acked': AgentMessageEvent;
    /** Back in its mailbox from `visible_at`: after a lease ran out, or replayed from the dead letters. */
    'agent.message.redelivered': AgentMessageEvent & { visible_at: string; replayed: boolean };
    /** Delivered `max_attempts` times without an acknowledgement: in the dead letters now. */
    'agent.message.dead_lettered': AgentMessageEvent;
  }
}

const agentMessageEventSchema = z.object({
  message_id: id,
  owner_id: id,
  to_agent_id: id,
  to_run_id: id.nullable(),
  correlation_id: z.string().nullable(),
  attempts: z.number().int(),
});

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
  'agent.run.waiting': z.object({
    run_id: id,
    owner_id: id,
    approvals: z.array(z.object({ approval_id: z.string(), tool: z.string() })),
  }),
  'agent.message.sent': agentMessageEventSchema,
  'agent.message.acked': agentMessageEventSchema,
  'agent.message.redelivered': agentMessageEventSchema.extend({
    visible_at: z.string(),
    replayed: z.boolean(),
  }),
  'agent.message.dead_lettered': agentMessageEventSchema,
  ...teamEventSchemas,
  ...marketplaceEventSchemas,
  ...remoteAgentEventSchemas,
};
