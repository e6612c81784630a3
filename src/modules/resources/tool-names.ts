/**
 * The document tools' names. Code that names a tool (the built-in assistant) uses these, so
 * renaming a tool breaks its build instead of its replies.
 */
export const documentToolNames = {
  search: 'search_documents',
  read: 'read_document',
  createNote: 'create_note',
} as const;

/** The name of one of the document tools. */
export type DocumentToolName = (typeof documentToolNames)[keyof typeof documentToolNames];
