/** The memory tools' names, for code that names a tool (the built-in assistant). */
export const memoryToolNames = {
  remember: 'remember',
  recall: 'recall_memories',
  forget: 'forget_memory',
  list: 'list_memories',
} as const;

/** The name of one of the memory tools. */
export type MemoryToolName = (typeof memoryToolNames)[keyof typeof memoryToolNames];
