/** The context tools' names, for code that calls a tool by name. */
export const contextToolNames = {
  get: 'context_get',
  set: 'context_set',
  patch: 'context_patch',
  delete: 'context_delete',
  list: 'context_list',
  history: 'context_history',
  restore: 'context_restore',
  listSpaces: 'context_list_spaces',
  createSpace: 'context_create_space',
} as const;

export type ContextToolName = (typeof contextToolNames)[keyof typeof contextToolNames];
