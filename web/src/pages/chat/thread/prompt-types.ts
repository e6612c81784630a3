import type { Prompt } from '@server/modules/prompts/schema';

/** A prompt of the library as GET /api/v1/prompts answers it (the parts the chat uses). */
export type LibraryPrompt = Pick<Prompt, 'id' | 'name' | 'title' | 'description' | 'template' | 'arguments'>;

/** One of a prompt's arguments, as its author defined it. */
export type { PromptArgument } from '@server/modules/prompts/schema';
