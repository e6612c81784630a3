import { z } from 'zod';
import { defineTool, type Tool } from '../../tools/tool.js';
import {
  listMemoriesInputSchema,
  type Memory,
  memoryIdInputSchema,
  memoryPageSchema,
  memorySchema,
  rememberInputSchema,
  searchMemoriesInputSchema,
  searchResultSchema,
} from './schema.js';
import type { MemoryService } from './service.js';
import { memoryToolNames } from './tool-names.js';

const memoryOutput = z.object({ memory: memorySchema });
const describeMemory = (memory: Memory) => `“${memory.text}” (id ${memory.id})`;

/** The memory tools, over the memory service: what the chat, agents and MCP clients remember. */
export function memoryTools(service: MemoryService): Tool[] {
  return [
    defineTool({
      name: memoryToolNames.remember,
      title: 'Remember a fact',
      toolset: 'Memory',
      description:
        'Keeps a short fact about the user for later conversations ("My manager is Dana"). Use it when the user asks you to remember something or states a lasting preference. The same fact is kept once. Returns the memory with its id.',
      input: rememberInputSchema,
      output: memoryOutput,
      run: async (actor, input) => ({ memory: await service.remember(actor, input) }),
      summarize: ({ memory }) => `Remembered ${describeMemory(memory)}.`,
    }),
    defineTool({
      name: memoryToolNames.recall,
      title: 'Recall memories',
      toolset: 'Memory',
      description:
        'Finds the user’s memories relevant to a question, best first, with their ids to cite. Relevant memories are already in your instructions; use this to look further.',
      input: searchMemoriesInputSchema,
      output: searchResultSchema,
      readOnly: true,
      run: async (actor, input) => ({ items: await service.search(actor, input) }),
      summarize: ({ items }) =>
        items.length === 0
          ? 'No matching memories.'
          : items.map((memory) => `- ${describeMemory(memory)}`).join('\n'),
    }),
    defineTool({
      name: memoryToolNames.forget,
      title: 'Forget a memory',
      toolset: 'Memory',
      description: 'Deletes one of the user’s memories for good, by id. Returns the memory as it was.',
      input: memoryIdInputSchema,
      output: memoryOutput,
      destructive: true,
      run: async (actor, { memory_id }) => ({ memory: await service.forget(actor, memory_id) }),
      summarize: ({ memory }) => `Forgot ${describeMemory(memory)}.`,
    }),
    defineTool({
      name: memoryToolNames.list,
      title: 'List memories',
      toolset: 'Memory',
      description:
        'Lists what is remembered about the user, newest first (active ones unless status says otherwise). Pass next_cursor back as cursor for the next page.',
      input: listMemoriesInputSchema,
      output: memoryPageSchema,
      readOnly: true,
      run: (actor, input) => service.list(actor, input),
      summarize: ({ items, next_cursor }) =>
        items.length === 0
          ? 'Nothing remembered.'
          : `${items.map((memory) => `- ${describeMemory(memory)}`).join('\n')}${next_cursor ? '\n(more: pass next_cursor)' : ''}`,
    }),
  ];
}
