import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Install,
  ListingDetail,
  ListingKind,
  ListingPage,
  Review,
  ReviewPage,
} from '../../api/marketplace-types';

/** Query keys of the marketplace; marketplace.* live events mark them stale. */
export const marketKeys = {
  list: (q: string, kind: string) => ['marketplace', 'list', q, kind] as const,
  one: (id: string) => ['marketplace', 'one', id] as const,
  reviews: (id: string) => ['marketplace', 'reviews', id] as const,
  installs: ['marketplace', 'installs'] as const,
};

export function useListings(q: string, kind: '' | ListingKind) {
  return useInfiniteQuery({
    queryKey: marketKeys.list(q, kind),
    queryFn: ({ pageParam, signal }) =>
      api<ListingPage>('/api/v1/marketplace', {
        query: { q: q || undefined, kind: kind || undefined, limit: 30, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useListing(id: string) {
  return useQuery({
    queryKey: marketKeys.one(id),
    queryFn: ({ signal }) => api<ListingDetail>(`/api/v1/marketplace/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useReviews(id: string) {
  return useQuery({
    queryKey: marketKeys.reviews(id),
    queryFn: ({ signal }) =>
      api<ReviewPage>(`/api/v1/marketplace/${encodeURIComponent(id)}/reviews`, {
        query: { limit: 100 },
        signal,
      }),
  });
}

export function useInstalls() {
  return useQuery({
    queryKey: marketKeys.installs,
    queryFn: ({ signal }) =>
      api<{ items: Install[] }>('/api/v1/marketplace/installs', { signal }).then((page) => page.items),
  });
}

/** Publishing, withdrawing, installing, updating an install, writing and deleting your review. */
export function useMarketMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['marketplace'] });
  return {
    publish: useMutation({
      mutationFn: (input: { kind: ListingKind; source_id: string }) =>
        api<ListingDetail>('/api/v1/marketplace', { method: 'POST', body: input }),
      onSettled: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/marketplace/${id}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
    install: useMutation({
      mutationFn: (id: string) =>
        api<Install>(`/api/v1/marketplace/${id}/install`, { method: 'POST', body: {} }),
      onSettled: refresh,
    }),
    update: useMutation({
      mutationFn: (installId: string) =>
        api<Install>(`/api/v1/marketplace/installs/${installId}/update`, { method: 'POST' }),
      onSettled: refresh,
    }),
    review: useMutation({
      mutationFn: ({ id, rating, text }: { id: string; rating: number; text: string }) =>
        api<Review>(`/api/v1/marketplace/${id}/reviews/mine`, {
          method: 'PUT',
          body: { rating, text: text || null },
        }),
      onSettled: refresh,
    }),
    deleteReview: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/marketplace/${id}/reviews/mine`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
  };
}

/** Where your copy of an install lives in the app. */
export function installedPath(install: Install): string {
  return install.kind === 'workflow' ? `/workflows/${install.target_id}` : `/agents/${install.target_id}`;
}
