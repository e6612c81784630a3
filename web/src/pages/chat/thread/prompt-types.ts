/** A prompt of the library as GET /api/v1/prompts answers it (the parts the chat uses). */
export interface LibraryPrompt {
  id: string;
  name: string;
  title: string | null;
  description: string | null;
  template: string;
  arguments: PromptArgument[];
}

/** One of a prompt's arguments, as its author defined it. */
export interface PromptArgument {
  name: string;
  description?: string;
  required: boolean;
  default?: string;
  enum?: string[];
}
