export { createConversationService, type ConversationService } from './service.js';
export type { AlsoInsert } from './service/insert-conversation.js';
export { registerConversationRoutes } from './routes.js';
export { ConversationNotFoundError, MessageNotFoundError } from './errors.js';
export type { Conversation, ListedMessage, Message, MessageMetrics, Part } from './schema.js';
export { messageSchema } from './schema.js';
