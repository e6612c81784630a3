export { registerPromptRoutes } from './routes.js';
export { createPromptService, type PromptService } from './service.js';
