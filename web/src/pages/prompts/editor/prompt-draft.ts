import type { Prompt, PromptArgument, PromptInput } from '../prompt-api';

/** The editor's form state: a prompt's editable fields as the inputs hold them. */
export interface PromptDraft {
  name: string;
  title: string;
  description: string;
  tags: string;
  visibility: Prompt['visibility'];
  template: string;
  arguments: PromptArgument[];
}

/** The draft for an existing prompt, or an empty one for a new prompt. */
export function draftFrom(prompt?: Prompt): PromptDraft {
  return {
    name: prompt?.name ?? '',
    title: prompt?.title ?? '',
    description: prompt?.description ?? '',
    tags: prompt?.tags.join(', ') ?? '',
    visibility: prompt?.visibility ?? 'private',
    template: prompt?.template ?? '',
    arguments: prompt?.arguments ?? [],
  };
}

/** What the API receives: tags split on commas, empty text as null, empty argument fields left out. */
export function inputFrom(draft: PromptDraft): PromptInput {
  return {
    name: draft.name.trim(),
    title: draft.title.trim() || null,
    description: draft.description.trim() || null,
    tags: [
      ...new Set(
        draft.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ],
    visibility: draft.visibility,
    template: draft.template,
    arguments: draft.arguments.map((argument) => ({
      ...argument,
      name: argument.name.trim(),
      description: argument.description?.trim() || undefined,
      default: argument.default || undefined,
    })),
  };
}
