import { useQuery } from '@tanstack/react-query';
import type { TeamView } from '@server/modules/agents/teams/schema';
import type { AgentPage } from '../../api/agent-types';
import { api } from '../../api/client';
import { SelectField } from '../../components/field';

/** Whose memories to show: yours, or one of your agents' or teams' (`agent:<id>`, `team:<id>`). */
export function WhoseField({ value, onChange }: { value: string; onChange: (whose: string) => void }) {
  const agents = useQuery({
    queryKey: ['agents', 'list', 'mine-for-memory'],
    queryFn: ({ signal }) =>
      api<AgentPage>('/api/v1/agents', { query: { mine: 'true', limit: 100 }, signal }),
  });
  const teams = useQuery({
    queryKey: ['agents', 'teams'],
    queryFn: ({ signal }) =>
      api<{ items: TeamView[] }>('/api/v1/teams', { signal }).then((page) => page.items),
  });
  return (
    <SelectField label="Whose" value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Yours</option>
      {(agents.data?.items ?? []).map((agent) => (
        <option key={agent.id} value={`agent:${agent.id}`}>
          Agent {agent.name}
        </option>
      ))}
      {(teams.data ?? []).map((team) => (
        <option key={team.id} value={`team:${team.id}`}>
          Team {team.name}
        </option>
      ))}
    </SelectField>
  );
}
