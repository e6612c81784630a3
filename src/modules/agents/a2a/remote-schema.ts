import { z } from 'zod';

const timestamp = z.iso.datetime().describe('ISO 8601');

export const remoteAgentNameSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, - and _ (starting with a letter or digit)');

export const addRemoteAgentInputSchema = z.object({
  card_url: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .describe('The agent card’s URL, e.g. https://example.com/.well-known/agent-card.json'),
  name: remoteAgentNameSchema
    .optional()
    .describe('Its tool is a2a__<name>; by default the card’s name, in lowercase with dashes'),
  token: z
    .string()
    .min(1)
    .max(4_000)
    .optional()
    .describe('Sent as "Authorization: Bearer <token>" to the agent; stored sealed, never shown again'),
});
export type AddRemoteAgentInput = z.input<typeof addRemoteAgentInputSchema>;

export const remoteAgentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tool: z.string().describe('The tool name: a2a__<name>'),
    card_url: z.string(),
    description: z.string(),
    agent_name: z.string().describe('The name its card gives'),
    endpoint: z.string().nullable().describe('Where it answers (JSON-RPC), from its card'),
    skills: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
    has_token: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'A2aRemoteAgent' });
export type RemoteAgent = z.infer<typeof remoteAgentSchema>;

export const remoteAgentListSchema = z.object({ items: z.array(remoteAgentSchema) });
