import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  CreatedSubscription,
  CreateSubscriptionInput,
  DeliveryDetail,
  DeliveryPage,
  EventPage,
  EventStats,
  SubscriptionView,
  TestDelivery,
  WireEvent,
} from '../../api/event-types';

/** Query keys of the events page: subscriptions, deliveries, history, stats. */
export const eventKeys = {
  subscriptions: ['event-subscriptions'] as const,
  deliveries: (status: string) => ['event-deliveries', status] as const,
  delivery: (id: string) => ['event-deliveries', 'one', id] as const,
  history: (filters: HistoryFilters) => ['event-history', filters] as const,
  stats: (bucket: string) => ['event-stats', bucket] as const,
};

export interface HistoryFilters {
  type: string;
  q: string;
}

export function useSubscriptions() {
  return useQuery({
    queryKey: eventKeys.subscriptions,
    queryFn: ({ signal }) =>
      api<{ items: SubscriptionView[]; next_cursor: string | null }>('/api/v1/event-subscriptions', {
        query: { limit: 100 },
        signal,
      }),
  });
}

export function useDeliveries(status: '' | 'pending' | 'delivered' | 'dead') {
  return useInfiniteQuery({
    queryKey: eventKeys.deliveries(status),
    queryFn: ({ pageParam, signal }) =>
      api<DeliveryPage>('/api/v1/event-deliveries', {
        query: { status: status || undefined, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Deliveries publish no events of their own: the log is asked again while it is open.
    refetchInterval: 3_000,
  });
}

export function useDelivery(id: string | undefined) {
  return useQuery({
    queryKey: eventKeys.delivery(id ?? ''),
    queryFn: ({ signal }) => api<DeliveryDetail>(`/api/v1/event-deliveries/${id ?? ''}`, { signal }),
    enabled: id !== undefined,
  });
}

/** Your event history, newest first, filtered by a type pattern and words in the payload. */
export function useHistory(filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: eventKeys.history(filters),
    queryFn: ({ pageParam, signal }) =>
      api<EventPage>('/api/v1/events', {
        query: { type: filters.type || undefined, q: filters.q || undefined, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useStats(bucket: 'hour' | 'day') {
  return useQuery({
    queryKey: eventKeys.stats(bucket),
    queryFn: ({ signal }) => api<EventStats>('/api/v1/events/stats', { query: { bucket }, signal }),
  });
}

/** Subscribing, pausing, deleting; replaying a dead letter; publishing a custom event. */
export function useEventMutations() {
  const client = useQueryClient();
  const refresh = (key: string) => () => client.invalidateQueries({ queryKey: [key] });
  return {
    subscribe: useMutation({
      mutationFn: (input: CreateSubscriptionInput) =>
        api<CreatedSubscription>('/api/v1/event-subscriptions', { method: 'POST', body: input }),
      onSettled: refresh('event-subscriptions'),
    }),
    setEnabled: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
        api<SubscriptionView>(`/api/v1/event-subscriptions/${id}`, { method: 'PATCH', body: { enabled } }),
      onSettled: refresh('event-subscriptions'),
    }),
    unsubscribe: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/event-subscriptions/${id}`, { method: 'DELETE' }),
      onSettled: refresh('event-subscriptions'),
    }),
    replay: useMutation({
      mutationFn: (id: string) => api<unknown>(`/api/v1/event-deliveries/${id}/replay`, { method: 'POST' }),
      onSettled: refresh('event-deliveries'),
    }),
    test: useMutation({
      mutationFn: (id: string) =>
        api<TestDelivery>(`/api/v1/event-subscriptions/${id}/test`, { method: 'POST' }),
      onSettled: refresh('event-deliveries'),
    }),
    publish: useMutation({
      mutationFn: (event: { type: string; data: Record<string, unknown> }) =>
        api<WireEvent>('/api/v1/events', { method: 'POST', body: event }),
      onSettled: refresh('event-history'),
    }),
  };
}
