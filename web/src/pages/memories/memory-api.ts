import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Memory, MemoryAnalytics, MemoryPage, MergeResult, ScoredMemory } from '../../api/memory-types';

export type MemoryStatus = 'active' | 'archived' | 'all';

/** Whose memories: yours (the default), or one of your agents' or teams'. */
export interface MemoryScope {
  scope: 'user' | 'agent' | 'team';
  scope_id?: string | undefined;
}

/** A scope from its URL form: `agent:<id>`, `team:<id>`, anything else is yours. */
export function scopeFrom(whose: string): MemoryScope {
  const [kind, id] = whose.split(':', 2);
  return (kind === 'agent' || kind === 'team') && id ? { scope: kind, scope_id: id } : { scope: 'user' };
}

/** Query keys of memories; memory.* live events mark them stale. */
export const memoryKeys = {
  list: (status: MemoryStatus, tag: string, scope: MemoryScope) =>
    ['memories', 'list', status, tag, scope] as const,
  search: (query: string, archived: boolean, scope: MemoryScope) =>
    ['memories', 'search', query, archived, scope] as const,
  analytics: (scope: MemoryScope) => ['memories', 'analytics', scope] as const,
};

export function useMemoryList(status: MemoryStatus, tag: string, scope: MemoryScope) {
  return useInfiniteQuery({
    queryKey: memoryKeys.list(status, tag, scope),
    queryFn: ({ pageParam, signal }) =>
      api<MemoryPage>('/api/v1/memories', {
        query: { ...scope, status, tag: tag || undefined, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The memories most relevant to the words, best first (what the assistant would recall). */
export function useMemorySearch(query: string, archived: boolean, scope: MemoryScope) {
  return useQuery({
    queryKey: memoryKeys.search(query, archived, scope),
    queryFn: ({ signal }) =>
      api<{ items: ScoredMemory[] }>('/api/v1/memories/search', {
        query: { ...scope, query, include_archived: archived, limit: 50 },
        signal,
      }).then((page) => page.items),
    enabled: query !== '',
  });
}

export function useMemoryAnalytics(scope: MemoryScope) {
  return useQuery({
    queryKey: memoryKeys.analytics(scope),
    queryFn: ({ signal }) =>
      api<MemoryAnalytics>('/api/v1/memories/analytics', { query: { ...scope }, signal }),
  });
}

/** Remembering, changing, archiving, forgetting one memory; merging duplicates. */
export function useMemoryMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['memories'] });
  return {
    remember: useMutation({
      mutationFn: (input: { text: string; tags: string[]; importance: number } & MemoryScope) =>
        api<Memory>('/api/v1/memories', { method: 'POST', body: input }),
      onSettled: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...fields }: { id: string; text?: string; tags?: string[]; importance?: number }) =>
        api<Memory>(`/api/v1/memories/${id}`, { method: 'PATCH', body: fields }),
      onSettled: refresh,
    }),
    archive: useMutation({
      mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
        api<Memory>(`/api/v1/memories/${id}/${archived ? 'archive' : 'unarchive'}`, {
          method: 'POST',
          body: {},
        }),
      onSettled: refresh,
    }),
    forget: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/memories/${id}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
    merge: useMutation({
      mutationFn: (scope: MemoryScope) =>
        api<MergeResult>('/api/v1/memories/merge', { method: 'POST', body: scope }),
      onSettled: refresh,
    }),
  };
}

/** Tags typed as words separated by commas. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
