export { assistantTools } from './assistant-tools.js';
export { createCompletions } from './service/completions.js';
export { registerCompletionRoutes } from './completions-routes.js';
export { registerModelListRoute } from './models-list-route.js';
export { registerChatRoutes } from './routes.js';
export { type ChatService, createChatService } from './service.js';
export { createChatRelay } from './service/chat-relay.js';
export type { ExternalTool, ExternalToolSource } from './external-tools.js';
