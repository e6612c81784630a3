import { defineTool, type Tool } from '../../tools/tool.js';
import type { EventsService } from './events-service.js';
import { publishEventInputSchema } from './publish-schema.js';
import { wireEventSchema } from './schema.js';

/** The events module's tools (MCP, the chat, workflow `tool` steps). */
export function eventTools(service: EventsService): Tool[] {
  return [
    defineTool({
      name: 'publish_event',
      title: 'Publish an event',
      toolset: 'Events',
      description:
        'Publishes an event of the user’s own in the custom.* namespace (e.g. custom.order.paid) with a JSON object payload of at most 64 KiB. It reaches the user’s event history and live feed and their event subscriptions (workflows, agents, webhooks); never another user.',
      input: publishEventInputSchema,
      output: wireEventSchema,
      run: (actor, input) => service.publish(actor, input),
      summarize: (event) => `Published ${event.type} (id ${event.id}).`,
    }),
  ];
}
