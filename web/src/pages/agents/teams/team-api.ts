import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTeamInput, TeamView } from '@server/modules/agents/teams/schema';
import { api } from '../../../api/client';

export type { CreateTeamInput, TeamView };

/** Your teams, newest first; agent.* and team events mark them stale with the agents. */
export function useTeams() {
  return useQuery({
    queryKey: ['agents', 'teams'],
    queryFn: ({ signal }) =>
      api<{ items: TeamView[] }>('/api/v1/teams', { signal }).then((page) => page.items),
  });
}

export function useTeamMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['agents', 'teams'] });
  return {
    create: useMutation({
      mutationFn: (input: CreateTeamInput) => api<TeamView>('/api/v1/teams', { method: 'POST', body: input }),
      onSettled: refresh,
    }),
    save: useMutation({
      mutationFn: ({ id, input }: { id: string; input: CreateTeamInput }) =>
        api<TeamView>(`/api/v1/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/teams/${encodeURIComponent(id)}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
  };
}
