import './events.js';

export { registerEventRoutes } from './routes.js';
export { registerEventServiceRoutes } from './service-routes.js';
export { createEventFeed, type EventFeed, toWireEvent } from './service.js';
export { createEventsService, type EventsService } from './events-service.js';
export { eventTools } from './tools.js';
export type { DeliverToAgent } from './deps.js';
export type { WireEvent } from './schema.js';
