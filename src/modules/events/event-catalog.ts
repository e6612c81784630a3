import { z } from 'zod';
import type { EventMap, EventType } from '../../bus/events.js';
import { agentEventSchemas } from '../agents/events.js';
import { contextEventSchemas } from '../context/events.js';
import { conversationEventSchemas } from '../conversations/events.js';
import { identityEventSchemas } from '../identity/events.js';
import { mcpServerEventSchemas } from '../mcp-servers/events.js';
import { memoryEventSchemas } from '../memory/events.js';
import { promptEventSchemas } from '../prompts/events.js';
import { resourceEventSchemas } from '../resources/events.js';
import { taskEventSchemas } from '../tasks/events.js';
import { workflowEventSchemas } from '../workflows/events.js';
import { customPayloadMaxBytes } from './publish-schema.js';

/** Every type in the EventMap but the open custom.* namespace (and the test suite's own test.*). */
type DeclaredEventType = Exclude<EventType, `custom.${string}` | `test.${string}`>;

/** The kernel's own events (the bus and the tool runner declare them). */
const kernelEventSchemas = {
  'instance.started': z.object({ instance_id: z.string(), version: z.string() }),
  'instance.stopped': z.object({ instance_id: z.string() }),
  'tool.called': z.object({
    tool: z.string(),
    status: z.enum(['success', 'failure', 'error']),
    duration_ms: z.number(),
    surface: z.enum(['http', 'mcp', 'chat', 'workflow', 'cli', 'system']),
  }),
};

const subscriptionEventSchemas = {
  'event_subscription.created': z.object({
    subscription_id: z.string(),
    owner_id: z.string(),
    target_kind: z.string(),
  }),
  'event_subscription.updated': z.object({ subscription_id: z.string(), owner_id: z.string() }),
  'event_subscription.deleted': z.object({ subscription_id: z.string(), owner_id: z.string() }),
};

/**
 * Every event type the code declares, with its payload schema. The type check makes it complete:
 * a type added to the EventMap without a schema here (or a schema that does not fit its payload)
 * fails to compile, so the list cannot drift from the code.
 */
export const eventSchemas = {
  ...kernelEventSchemas,
  ...identityEventSchemas,
  ...taskEventSchemas,
  ...promptEventSchemas,
  ...resourceEventSchemas,
  ...conversationEventSchemas,
  ...mcpServerEventSchemas,
  ...workflowEventSchemas,
  ...agentEventSchemas,
  ...contextEventSchemas,
  ...memoryEventSchemas,
  ...subscriptionEventSchemas,
} satisfies { [T in DeclaredEventType]: z.ZodType<EventMap[T]> };

/** The custom namespace, as one entry: any JSON object up to the size cap. */
const customEntry = {
  type: 'custom.*',
  module: 'custom',
  payload_schema: {
    type: 'object',
    description: `Published by users and agents: any JSON object of at most ${customPayloadMaxBytes} bytes`,
  },
};

export const eventTypeSchema = z
  .object({
    type: z.string().describe('The event type, or custom.* for the namespace users publish in'),
    module: z.string().describe('The first segment: who publishes it'),
    payload_schema: z.record(z.string(), z.unknown()).describe('JSON Schema of `data`'),
  })
  .meta({ id: 'EventTypeInfo' });
export type EventTypeInfo = z.infer<typeof eventTypeSchema>;

/** The list GET /api/v1/events/types serves: every declared type (sorted), then custom.*. */
export function eventTypeList(): EventTypeInfo[] {
  const declared = Object.entries(eventSchemas)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([type, schema]) => {
      const { $schema: _dialect, ...payload } = z.toJSONSchema(schema) as Record<string, unknown>;
      return { type, module: type.split('.')[0] ?? type, payload_schema: payload };
    });
  return [...declared, customEntry];
}
