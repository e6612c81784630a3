import { useParams } from 'react-router';
import { AgentList } from './agent-list';
import { AgentPage, NewAgentPage } from './agent-page';
import { TeamPage, TeamsPage } from './teams/teams-page';

/**
 * Agents: the list at /agents, a new one at /agents/new, one agent at /agents/:agentId; teams at
 * /agents/teams and one team at /agents/teams/:teamId.
 */
export function Component() {
  const { agentId, teamId } = useParams();
  if (agentId === undefined && teamId !== undefined) return <TeamPage key={teamId} teamId={teamId} />;
  if (!agentId) return <AgentList />;
  if (agentId === 'new') return <NewAgentPage />;
  if (agentId === 'teams') return <TeamsPage />;
  return <AgentPage key={agentId} agentId={agentId} />;
}
