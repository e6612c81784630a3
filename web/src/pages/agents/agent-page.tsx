import { Link, useNavigate } from 'react-router';
import type { Agent, AgentDefinitionInput } from '../../api/agent-types';
import { Button } from '../../components/button';
import { ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { VersionHistory } from '../../components/version-history';
import { useAgent, useAgentMutations, useAgentVersions } from './agent-api';
import { agentBadge } from './agent-list';
import { AgentRuns } from './agent-runs';
import { AskPanel } from './ask-panel';
import { AgentEditor } from './editor/agent-editor';
import { HealthPanel } from './health-panel';
import { MailboxPanel } from './mailbox-panel';
import { PageSection } from '../../components/page-section';

/** What a new agent starts from: every field a user would change, with the defaults spelled out. */
export const starterAgent: AgentDefinitionInput = {
  name: 'my-agent',
  description: 'What this agent is for, in one sentence.',
  instructions: 'You are a careful assistant. Answer briefly.',
  model: null,
  tools: [],
  capabilities: [{ name: 'answer', description: 'Answers a question' }],
  limits: { max_steps: 8, timeout_ms: 120_000 },
  visibility: 'private',
};

/** A new agent: the starter definition to change; Save creates it and opens it. */
export function NewAgentPage() {
  const { create } = useAgentMutations();
  const navigate = useNavigate();
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/agents">Agents</Link> /
      </p>
      <PageHeader title="New agent" description="Its instructions, the tools it may call, its limits." />
      <AgentEditor
        initial={starterAgent}
        readOnly={false}
        saving={create.isPending}
        error={create.error}
        onSave={(definition) =>
          create.mutate(definition, { onSuccess: (agent) => navigate(`/agents/${agent.id}`) })
        }
      />
    </div>
  );
}

function Versions({ agent }: { agent: Agent }) {
  const versions = useAgentVersions(agent.id);
  const { restore } = useAgentMutations();
  if (versions.isPending) return <Spinner label="Loading versions" />;
  if (versions.isError) return <ErrorNotice error={versions.error} />;
  return (
    <>
      <ErrorNotice error={restore.error} className="mb-2" />
      <VersionHistory
        versions={versions.data}
        current={agent.version}
        restoring={restore.isPending}
        onRestore={agent.is_owner ? (version) => restore.mutate({ id: agent.id, version }) : undefined}
      />
    </>
  );
}

/** One agent: ask it, its definition, its runs and versions; its owner saves changes or deletes it. */
export function AgentPage({ agentId }: { agentId: string }) {
  const agent = useAgent(agentId);
  const { save, remove } = useAgentMutations();
  const navigate = useNavigate();
  if (agent.isPending) return <Spinner label="Loading the agent" />;
  if (agent.isError)
    return (
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <ErrorNotice error={agent.error} />
      </div>
    );
  const data = agent.data;
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/agents">Agents</Link> /
      </p>
      <PageHeader
        title={data.name}
        description={`${data.description} · ${agentBadge(data)} · Version ${data.version}`}
        actions={
          data.is_owner && (
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(data.id, { onSuccess: () => navigate('/agents') })}
            >
              Delete
            </Button>
          )
        }
      />
      <ErrorNotice error={remove.error} className="mb-4" />
      <PageSection title="Ask">
        <AskPanel agent={data} />
      </PageSection>
      <PageSection title="Definition">
        {!data.is_owner && (
          <p className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
            {data.builtin ? 'A built-in specialist' : 'Shared with you'}: read it and ask it; only its owner
            changes it.
          </p>
        )}
        <AgentEditor
          key={data.version}
          initial={data.definition}
          readOnly={!data.is_owner}
          saving={save.isPending}
          error={save.error}
          onSave={(definition) => save.mutate({ id: data.id, definition })}
        />
      </PageSection>
      <PageSection title="Health and performance">
        <HealthPanel agentId={data.id} />
      </PageSection>
      <PageSection title="Runs">
        <AgentRuns agentId={data.id} />
      </PageSection>
      {data.is_owner && (
        <PageSection title="Mailbox">
          <MailboxPanel agentId={data.id} />
        </PageSection>
      )}
      <PageSection title="Versions">
        <Versions agent={data} />
      </PageSection>
    </div>
  );
}
