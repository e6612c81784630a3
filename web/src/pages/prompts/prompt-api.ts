import type { Prompt, PromptDiff, PromptPage, PromptVersion } from '@server/modules/prompts/schema';
import { api } from '../../api/client';

export type { Prompt, PromptArgument, PromptVersion } from '@server/modules/prompts/schema';

/** What a save sends: the editable fields of a prompt. */
export type PromptInput = Pick<Prompt, 'name' | 'template' | 'arguments' | 'tags' | 'visibility'> & {
  title: string | null;
  description: string | null;
};

/** The library's filters, as they appear in the URL. */
export interface LibraryFilters {
  q?: string;
  tag?: string;
}

/** The prompts API; every query key starts with 'prompts' so live events refresh them. */
export const promptKeys = {
  list: (filters: LibraryFilters) => ['prompts', 'list', filters] as const,
  one: (id: string) => ['prompts', 'one', id] as const,
  versions: (id: string) => ['prompts', 'versions', id] as const,
  diff: (id: string, from: number, to: number) => ['prompts', 'diff', id, from, to] as const,
};

/** A page of the library, newest first. */
export function listPrompts(filters: LibraryFilters, cursor: string | undefined, signal: AbortSignal) {
  return api<PromptPage>('/api/v1/prompts', {
    query: { ...filters, cursor, limit: 30 },
    signal,
  });
}

/** One prompt. */
export function getPrompt(id: string, signal?: AbortSignal) {
  return api<Prompt>(`/api/v1/prompts/${id}`, { signal });
}

/** Saves a new prompt (version 1) or changes one (a new version). */
export function savePrompt(id: string | undefined, input: PromptInput) {
  if (!id) return api<Prompt>('/api/v1/prompts', { method: 'POST', body: withoutEmpty(input) });
  return api<Prompt>(`/api/v1/prompts/${id}`, { method: 'PATCH', body: input });
}

// A new prompt leaves empty optional text out rather than sending null, which creation refuses.
function withoutEmpty(input: PromptInput) {
  return {
    ...input,
    title: input.title ?? undefined,
    description: input.description ?? undefined,
  };
}

/** Deletes a prompt with its versions. */
export function deletePrompt(id: string) {
  return api<void>(`/api/v1/prompts/${id}`, { method: 'DELETE' });
}

/** Every version, newest first. */
export function listVersions(id: string, signal: AbortSignal) {
  return api<{ items: PromptVersion[] }>(`/api/v1/prompts/${id}/versions`, { signal });
}

/** The unified diff between two versions' templates. */
export function diffVersions(id: string, from: number, to: number, signal: AbortSignal) {
  return api<PromptDiff>(`/api/v1/prompts/${id}/diff`, { query: { from, to }, signal });
}

/** Makes an old version current again, as a new version. */
export function restoreVersion(id: string, version: number) {
  return api<Prompt>(`/api/v1/prompts/${id}/versions/${version}/restore`, { method: 'POST' });
}
