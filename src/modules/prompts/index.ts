export { registerPromptRoutes } from './routes.js';
export { createPromptService, type PromptService } from './service.js';
export { readPromptFiles, watchPromptFiles } from './service/prompt-files.js';
export { syncPromptFiles } from './service/sync-prompt-files.js';
