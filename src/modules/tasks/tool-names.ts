/**
 * The task tools' names. Code that names a tool (the built-in assistant) uses these, so renaming
 * a tool breaks its build instead of its replies.
 */
export const taskToolNames = {
  add: 'add_task',
  list: 'list_tasks',
  search: 'search_tasks',
  complete: 'complete_task',
  update: 'update_task',
  delete: 'delete_task',
  deleteMany: 'delete_tasks',
} as const;

/** The name of one of the task tools. */
export type TaskToolName = (typeof taskToolNames)[keyof typeof taskToolNames];
