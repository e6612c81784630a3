import { useParams } from 'react-router';
import { AgentList } from './agent-list';
import { AgentPage, NewAgentPage } from './agent-page';

/** Agents: the list at /agents, a new one at /agents/new, one agent at /agents/:agentId. */
export function Component() {
  const { agentId } = useParams();
  if (!agentId) return <AgentList />;
  if (agentId === 'new') return <NewAgentPage />;
  return <AgentPage key={agentId} agentId={agentId} />;
}
