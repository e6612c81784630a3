import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agent,
  AgentPage,
  AgentRunDetail,
  AgentRunPage,
  AgentRunView,
  AgentVersion,
} from '../../api/agent-types';
import { api } from '../../api/client';

/** Query keys of agents and their runs; agent.* live events mark them stale. */
export const agentKeys = {
  list: (q: string, mine: string) => ['agents', 'list', q, mine] as const,
  one: (id: string) => ['agents', 'one', id] as const,
  versions: (id: string) => ['agents', 'versions', id] as const,
  runs: (agentId: string) => ['agent-runs', 'list', agentId] as const,
  run: (id: string) => ['agent-runs', 'one', id] as const,
};

/** A run that has ended changes no more. */
export const runEnded = (run: AgentRunView) => ['succeeded', 'failed', 'cancelled'].includes(run.status);

/** The agents you may use (yours, the built-in specialists, others' shared ones), a page at a time. */
export function useAgentList(q: string, mine: '' | 'true' | 'false') {
  return useInfiniteQuery({
    queryKey: agentKeys.list(q, mine),
    queryFn: ({ pageParam, signal }) =>
      api<AgentPage>('/api/v1/agents', {
        query: { q: q || undefined, mine: mine || undefined, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useAgent(id: string) {
  return useQuery({
    queryKey: agentKeys.one(id),
    queryFn: ({ signal }) => api<Agent>(`/api/v1/agents/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAgentVersions(id: string) {
  return useQuery({
    queryKey: agentKeys.versions(id),
    queryFn: ({ signal }) =>
      api<{ items: AgentVersion[] }>(`/api/v1/agents/${encodeURIComponent(id)}/versions`, { signal }).then(
        (page) => page.items,
      ),
  });
}

/** An agent's runs, newest first. */
export function useAgentRuns(agentId: string) {
  return useQuery({
    queryKey: agentKeys.runs(agentId),
    queryFn: ({ signal }) =>
      api<AgentRunPage>('/api/v1/agent-runs', { query: { agent: agentId, limit: 20 }, signal }),
  });
}

/** An agent's runs, newest first, a page at a time (the Runs list's Load more). */
export function useAgentRunPages(agentId: string) {
  return useInfiniteQuery({
    queryKey: [...agentKeys.runs(agentId), 'pages'],
    queryFn: ({ pageParam, signal }) =>
      api<AgentRunPage>('/api/v1/agent-runs', {
        query: { agent: agentId, limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One run with its tool calls, asked again every second until it ends. */
export function useAgentRun(id: string | undefined) {
  return useQuery({
    queryKey: agentKeys.run(id ?? ''),
    queryFn: ({ signal }) =>
      api<AgentRunDetail>(`/api/v1/agent-runs/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && runEnded(query.state.data) ? false : 1_000),
  });
}

/** Creating, saving (a new version), restoring, deleting an agent; starting and cancelling a run. */
export function useAgentMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['agents'] });
  const refreshRuns = () => client.invalidateQueries({ queryKey: ['agent-runs'] });
  return {
    create: useMutation({
      mutationFn: (definition: unknown) => api<Agent>('/api/v1/agents', { method: 'POST', body: definition }),
      onSettled: refresh,
    }),
    save: useMutation({
      mutationFn: ({ id, definition }: { id: string; definition: unknown }) =>
        api<Agent>(`/api/v1/agents/${id}`, { method: 'PUT', body: definition }),
      onSettled: refresh,
    }),
    restore: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api<Agent>(`/api/v1/agents/${id}/versions/${version}/restore`, { method: 'POST' }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/agents/${id}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
    ask: useMutation({
      mutationFn: ({ agent, input }: { agent: string; input: string }) =>
        api<AgentRunView>('/api/v1/agent-runs', { method: 'POST', body: { agent, input } }),
      onSettled: refreshRuns,
    }),
    cancel: useMutation({
      mutationFn: (runId: string) =>
        api<AgentRunView>(`/api/v1/agent-runs/${runId}/cancel`, { method: 'POST' }),
      onSettled: refreshRuns,
    }),
    /** Answers every tool call a waiting run holds at once (one left out would be refused). */
    answer: useMutation({
      mutationFn: ({
        runId,
        approvals,
      }: {
        runId: string;
        approvals: { approval_id: string; approved: boolean }[];
      }) =>
        api<AgentRunView>(`/api/v1/agent-runs/${runId}/approvals`, { method: 'POST', body: { approvals } }),
      onSettled: refreshRuns,
    }),
  };
}
