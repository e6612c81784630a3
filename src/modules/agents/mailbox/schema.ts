import { z } from 'zod';

/** The most a message's payload may weigh, as JSON text. */
export const maxPayloadBytes = 64 * 1024;

const shortText = z.string().min(1).max(200);

export const sendAgentMessageBodySchema = z.object({
  /** Any JSON; checked against the capability's input_schema when `capability` names one. */
  payload: z.json(),
  capability: shortText.optional().describe('The receiving agent’s capability the payload is for'),
  correlation_id: shortText.optional().describe('Ties a reply to its request; copied by the replier'),
  reply_to: shortText
    .optional()
    .describe('Where the receiver should answer: an agent id or name, or an agent run id'),
  from_agent_id: shortText.optional().describe('The sending agent (yours or visible to you)'),
  from_run_id: shortText.optional().describe('The sending agent run (yours)'),
  max_attempts: z.number().int().min(1).max(50).optional().describe('Deliveries before the dead letters'),
});
export type SendAgentMessageBody = z.infer<typeof sendAgentMessageBodySchema>;

export const receiveAgentMessagesBodySchema = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  /** How long to wait for a first message when none is waiting; 0 answers at once. */
  timeout_ms: z.number().int().min(0).max(60_000).default(0),
});
export type ReceiveAgentMessagesBody = z.input<typeof receiveAgentMessagesBodySchema>;

export const messageStatuses = ['pending', 'delivered', 'acked', 'dead'] as const;

export const listAgentMessagesQuerySchema = z.object({
  status: z.enum([...messageStatuses, 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListAgentMessagesQuery = z.input<typeof listAgentMessagesQuerySchema>;

export const agentMessageSchema = z.object({
  id: z.string(),
  to_agent_id: z.string(),
  to_run_id: z.string().nullable(),
  from_agent_id: z.string().nullable(),
  from_run_id: z.string().nullable(),
  correlation_id: z.string().nullable(),
  reply_to: z.string().nullable(),
  capability: z.string().nullable(),
  payload: z.json(),
  status: z.enum(messageStatuses),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  replays: z.number().int(),
  visible_at: z.string(),
  lease_until: z.string().nullable(),
  delivered_at: z.string().nullable(),
  acked_at: z.string().nullable(),
  dead_at: z.string().nullable(),
  created_at: z.string(),
});
export type AgentMessageView = z.infer<typeof agentMessageSchema>;

export const agentMessagePageSchema = z.object({
  items: z.array(agentMessageSchema),
  next_cursor: z.string().nullable(),
});
export type AgentMessagePage = z.infer<typeof agentMessagePageSchema>;

export const receivedAgentMessagesSchema = z.object({ items: z.array(agentMessageSchema) });

export const messageParams = z.object({
  id: z.string().min(1).max(300),
  message_id: z.string().min(1).max(100),
});
