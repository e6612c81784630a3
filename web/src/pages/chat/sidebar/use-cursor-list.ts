import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/types';

/** A cursor-paginated API list as one growing list: `items`, and `fetchNextPage` while `hasNextPage`. */
export function useCursorList<T>({
  queryKey,
  path,
  query,
  enabled = true,
}: {
  queryKey: QueryKey;
  path: string;
  query: Query;
  enabled?: boolean;
}) {
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(path, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled,
  });
  return { ...list, items: list.data?.pages.flatMap((page) => page.items) ?? [] };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
