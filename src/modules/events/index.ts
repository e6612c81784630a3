import './events.js';

export { registerEventRoutes } from './routes.js';
export { createEventFeed, type EventFeed, toWireEvent } from './service.js';
export type { WireEvent } from './schema.js';
