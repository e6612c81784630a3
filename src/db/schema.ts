/** Every table, for Drizzle's typed queries. Each module's table.ts is listed here once. */
export * from '../bus/table.js';
export * from '../models/table.js';
export * from '../engine/table.js';
export * from '../modules/identity/table.js';
export * from '../modules/tasks/table.js';
export * from '../modules/prompts/table.js';
export * from '../modules/resources/table.js';
export * from '../modules/conversations/table.js';
export * from '../modules/mcp-servers/table.js';
export * from '../modules/chat/table.js';
export * from '../modules/context/table.js';
export * from '../modules/memory/table.js';
