import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  ContextEntry,
  ContextEntryPage,
  ContextHistoryPage,
  ContextMember,
  ContextPerson,
  ContextSpace,
  ContextSpacePage,
  MemberRole,
} from '../../api/context-types';

/** Query keys of context spaces; context.* live events mark them stale. */
export const contextKeys = {
  spaces: ['context', 'spaces'] as const,
  space: (id: string) => ['context', 'space', id] as const,
  members: (id: string) => ['context', 'members', id] as const,
  people: (id: string) => ['context', 'people', id] as const,
  entries: (id: string, prefix: string) => ['context', 'entries', id, prefix] as const,
  entry: (id: string, key: string) => ['context', 'entry', id, key] as const,
  history: (id: string, key: string) => ['context', 'history', id, key] as const,
};

const spacePath = (id: string) => `/api/v1/context/spaces/${encodeURIComponent(id)}`;
/** An entry's path: its key is one URL segment (`findings/market` → `findings%2Fmarket`). */
const entryPath = (id: string, key: string) => `${spacePath(id)}/entries/${encodeURIComponent(key)}`;

/** May this role change entries? */
export const canWrite = (role: ContextSpace['role']) => role !== 'read';
/** May this role rename the space and manage its members? */
export const canAdmin = (role: ContextSpace['role']) => role === 'owner' || role === 'admin';

export function useSpaces() {
  return useInfiniteQuery({
    queryKey: contextKeys.spaces,
    queryFn: ({ pageParam, signal }) =>
      api<ContextSpacePage>('/api/v1/context/spaces', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useSpace(id: string) {
  return useQuery({
    queryKey: contextKeys.space(id),
    queryFn: ({ signal }) => api<ContextSpace>(spacePath(id), { signal }),
  });
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: contextKeys.members(id),
    queryFn: ({ signal }) =>
      api<{ items: ContextMember[] }>(`${spacePath(id)}/members`, { signal }).then((page) => page.items),
  });
}

/** The space's people by name: its owner, members and whoever wrote to it. */
export function usePeople(id: string) {
  return useQuery({
    queryKey: contextKeys.people(id),
    queryFn: ({ signal }) =>
      api<{ items: ContextPerson[] }>(`${spacePath(id)}/people`, { signal }).then((page) => page.items),
  });
}

export function useEntries(id: string, prefix: string) {
  return useInfiniteQuery({
    queryKey: contextKeys.entries(id, prefix),
    queryFn: ({ pageParam, signal }) =>
      api<ContextEntryPage>(`${spacePath(id)}/entries`, {
        query: { prefix: prefix || undefined, limit: 100, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useEntry(id: string, key: string) {
  return useQuery({
    queryKey: contextKeys.entry(id, key),
    queryFn: ({ signal }) => api<ContextEntry>(entryPath(id, key), { signal }),
  });
}

export function useHistory(id: string, key: string) {
  return useQuery({
    queryKey: contextKeys.history(id, key),
    queryFn: ({ signal }) => api<ContextHistoryPage>(`${entryPath(id, key)}/history`, { signal }),
  });
}

/** Every change a page makes to a space: afterwards the space's cached reads are asked again. */
export function useContextMutations(spaceId?: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['context'] });
  const id = spaceId ?? '';
  return {
    createSpace: useMutation({
      mutationFn: (name: string) =>
        api<ContextSpace>('/api/v1/context/spaces', { method: 'POST', body: { name } }),
      onSettled: refresh,
    }),
    deleteSpace: useMutation({
      mutationFn: () => api<void>(spacePath(id), { method: 'DELETE' }),
      onSettled: refresh,
    }),
    setEntry: useMutation({
      mutationFn: ({ key, value, ifVersion }: { key: string; value: unknown; ifVersion?: number }) =>
        api<ContextEntry>(entryPath(id, key), { method: 'PUT', body: { value, if_version: ifVersion } }),
      onSettled: refresh,
    }),
    deleteEntry: useMutation({
      mutationFn: ({ key, ifVersion }: { key: string; ifVersion: number }) =>
        api<ContextEntry>(entryPath(id, key), { method: 'DELETE', query: { if_version: ifVersion } }),
      onSettled: refresh,
    }),
    restore: useMutation({
      mutationFn: ({ key, version }: { key: string; version: number }) =>
        api<ContextEntry>(`${entryPath(id, key)}/restore`, { method: 'POST', body: { version } }),
      onSettled: refresh,
    }),
    addMember: useMutation({
      mutationFn: ({ email, role }: { email: string; role: MemberRole }) =>
        api<ContextMember>(`${spacePath(id)}/members`, { method: 'POST', body: { email, role } }),
      onSettled: refresh,
    }),
    removeMember: useMutation({
      mutationFn: (memberId: string) =>
        api<void>(`${spacePath(id)}/members/${encodeURIComponent(memberId)}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
  };
}
