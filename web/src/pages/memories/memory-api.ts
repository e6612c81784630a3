import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Memory, MemoryAnalytics, MemoryPage, MergeResult, ScoredMemory } from '../../api/memory-types';

export type MemoryStatus = 'active' | 'archived' | 'all';

/** Query keys of memories; memory.* live events mark them stale. */
export const memoryKeys = {
  list: (status: MemoryStatus, tag: string) => ['memories', 'list', status, tag] as const,
  search: (query: string, archived: boolean) => ['memories', 'search', query, archived] as const,
  analytics: ['memories', 'analytics'] as const,
};

export function useMemoryList(status: MemoryStatus, tag: string) {
  return useInfiniteQuery({
    queryKey: memoryKeys.list(status, tag),
    queryFn: ({ pageParam, signal }) =>
      api<MemoryPage>('/api/v1/memories', {
        query: { status, tag: tag || undefined, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The memories most relevant to the words, best first (what the assistant would recall). */
export function useMemorySearch(query: string, archived: boolean) {
  return useQuery({
    queryKey: memoryKeys.search(query, archived),
    queryFn: ({ signal }) =>
      api<{ items: ScoredMemory[] }>('/api/v1/memories/search', {
        query: { query, include_archived: archived, limit: 50 },
        signal,
      }).then((page) => page.items),
    enabled: query !== '',
  });
}

export function useMemoryAnalytics() {
  return useQuery({
    queryKey: memoryKeys.analytics,
    queryFn: ({ signal }) => api<MemoryAnalytics>('/api/v1/memories/analytics', { signal }),
  });
}

/** Remembering, changing, archiving, forgetting one memory; merging duplicates. */
export function useMemoryMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['memories'] });
  return {
    remember: useMutation({
      mutationFn: (input: { text: string; tags: string[]; importance: number }) =>
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
      mutationFn: () => api<MergeResult>('/api/v1/memories/merge', { method: 'POST', body: {} }),
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
