import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { User } from '../../../api/types';

/** A page of the identity API's lists (they name the cursor `nextCursor`). */
export interface IdentityPage<T> {
  items: T[];
  nextCursor: string | null;
}

export const usersKey = ['admin', 'users'];

/** Every account, a page at a time (a hundred per page: the audit log names people from it). */
export function useUsers() {
  return useInfiniteQuery({
    queryKey: usersKey,
    queryFn: ({ pageParam }) =>
      api<IdentityPage<User>>('/api/v1/admin/users', { query: { cursor: pageParam, limit: 100 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
