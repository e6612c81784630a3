import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { WorkflowRunDetail, WorkflowRunPage, WorkflowRunView } from '../../api/workflow-types';
import { listQuery, type RunFilters } from './run-filters';

const pageSize = 25;

/** Query keys of runs; workflow.* live events mark them stale (web/src/api/live-events.tsx). */
export const runKeys = {
  list: (filters: RunFilters) => ['workflow-runs', 'list', filters] as const,
  one: (id: string) => ['workflow-runs', 'one', id] as const,
};

/** The runs matching the filters, newest first, a page at a time. */
export function useRunList(filters: RunFilters) {
  return useInfiniteQuery({
    queryKey: runKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<WorkflowRunPage>('/api/v1/workflow-runs', {
        query: { ...listQuery(filters), limit: pageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

const openStatuses: WorkflowRunView['status'][] = ['queued', 'running', 'waiting'];

/** One run with its steps (live: every step's event refreshes it); none asked while `id` is null. */
export function useRun(id: string | null) {
  return useQuery({
    queryKey: runKeys.one(id ?? ''),
    queryFn: ({ signal }) => api<WorkflowRunDetail>(`/api/v1/workflow-runs/${id}`, { signal }),
    enabled: id !== null,
    // Events refresh it as steps end; while it runs, a slow poll also catches a change written
    // after the event that announced it (a step row that turns waiting just after run.waiting).
    refetchInterval: (query) =>
      query.state.data && openStatuses.includes(query.state.data.status) ? 3_000 : false,
  });
}

export type RunAction = 'cancel' | 'resume' | 'retry' | 'rerun' | 'pause' | 'retry-failed';

/**
 * Cancel, resume, retry (a new run from the failed step), re-run (a new run), and a pipeline's pause
 * and retry of its failed items (a new run over them): each answers a run.
 */
export function useRunAction(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: RunAction) =>
      api<WorkflowRunView>(`/api/v1/workflow-runs/${runId}/${action}`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['workflow-runs'] }),
  });
}

/** Which actions a run in this status offers (a pipeline's: pause or resume, and its failed items again). */
export function actionsFor(
  status: WorkflowRunView['status'],
  pipeline: WorkflowRunView['pipeline'] = null,
): RunAction[] {
  switch (status) {
    case 'queued':
    case 'running':
    case 'waiting':
      return pipeline ? [pipeline.paused ? 'resume' : 'pause', 'cancel'] : ['cancel'];
    case 'failed':
      return ['retry', 'rerun'];
    case 'cancelled':
      return ['resume', 'rerun'];
    case 'succeeded':
      return pipeline && pipeline.failed > 0 ? ['retry-failed', 'rerun'] : ['rerun'];
  }
}
