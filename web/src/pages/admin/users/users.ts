import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { UserPage } from '@server/modules/identity/schema';

export const usersKey = ['admin', 'users'];

/** Every account, a page at a time (a hundred per page: the audit log names people from it). */
export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersKey,
    queryFn: ({ pageParam }) =>
      api<UserPage>('/api/v1/admin/users', { query: { cursor: pageParam, limit: 100 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
