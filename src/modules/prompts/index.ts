export { registerPromptRoutes } from './routes.js';
export { createPromptService, type PromptService } from './service.js';
export { readPromptFiles, watchPromptFiles } from './prompt-files.js';
export { syncPromptFiles } from './sync-prompt-files.js';
