export { registerMemoryRoutes } from './routes.js';
export { createMemoryService, type MemoryService } from './service.js';
export { memoryTools } from './tools.js';
export { memoryResources, memoryUri } from './mcp-resources.js';
export { type MemoryToolName, memoryToolNames } from './tool-names.js';
export { recallHeading, recallLine, type Recalled } from './service/recall.js';
export type { Memory, MemoryPage, PortableMemory, RememberInput, ScoredMemory } from './schema.js';
export type { ImportedMemory } from './service/portable-memories.js';
export { portableMemorySchema } from './schema.js';
