import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../../components/feedback';
import { PageSection } from '../../../components/page-section';
import { useAgentList } from '../agent-api';
import { type CreateTeamInput, type TeamView, useTeamMutations, useTeams } from './team-api';
import { TeamDiagram } from './team-diagram';
import { TeamForm } from './team-form';
import { TeamRunPanel } from './team-run-panel';

const newTeam: CreateTeamInput = { name: '', description: '', pattern: 'pipeline', members: [{ agent: '' }] };

/** The agents a member may be, as id and name (the first page: yours, shared and built-in). */
function useAgentChoices() {
  const list = useAgentList('', '');
  return (list.data?.pages.flatMap((page) => page.items) ?? []).map(({ id, name }) => ({ id, name }));
}

const frame = (children: ReactNode) => (
  <div className="mx-auto max-w-5xl p-4 sm:p-6">
    <p className="mb-2 text-sm">
      <Link to="/agents">Agents</Link> /
    </p>
    {children}
  </div>
);

/** Your teams, each drawn as its pattern, and a form for a new one. */
export function TeamsPage() {
  const teams = useTeams();
  const agents = useAgentChoices();
  const { create } = useTeamMutations();
  const navigate = useNavigate();
  const nameOf = (agent: string) =>
    agents.find((one) => one.id === agent || one.name === agent)?.name ?? agent;
  return frame(
    <>
      <PageHeader title="Teams" description="Agents working together in a pattern, run like one agent." />
      {teams.isPending ? (
        <Spinner label="Loading teams" />
      ) : teams.isError ? (
        <ErrorNotice error={teams.error} />
      ) : teams.data.length === 0 ? (
        <EmptyState title="No teams yet">Make one below from your agents and the built-in ones.</EmptyState>
      ) : (
        <ul aria-label="Teams" className="flex flex-col gap-3">
          {teams.data.map((team) => (
            <li key={team.id} className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
              <Link to={`/agents/teams/${team.id}`} className="font-medium">
                {team.name}
              </Link>
              <span className="ml-2 text-sm text-neutral-600 dark:text-neutral-400">{team.pattern}</span>
              {team.description && <p className="text-sm">{team.description}</p>}
              <TeamDiagram team={team} nameOf={nameOf} />
            </li>
          ))}
        </ul>
      )}
      <PageSection title="New team">
        <TeamForm
          initial={newTeam}
          agents={agents}
          saving={create.isPending}
          error={create.error}
          submitLabel="Create team"
          onSave={(input) =>
            create.mutate(input, { onSuccess: (team) => navigate(`/agents/teams/${team.id}`) })
          }
        />
      </PageSection>
    </>,
  );
}

/** One team: its fields to change (drawn as edited), and Delete. */
export function TeamPage({ teamId }: { teamId: string }) {
  const teams = useTeams();
  const agents = useAgentChoices();
  const { save, remove } = useTeamMutations();
  const navigate = useNavigate();
  if (teams.isPending) return <Spinner label="Loading the team" />;
  if (teams.isError) return frame(<ErrorNotice error={teams.error} />);
  const team: TeamView | undefined = teams.data.find((one) => one.id === teamId);
  if (!team) return frame(<EmptyState title="No such team">It may have been deleted.</EmptyState>);
  return frame(
    <>
      <PageHeader
        title={team.name}
        description={`A ${team.pattern} team of ${team.members.length}`}
        actions={
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(team.id, { onSuccess: () => navigate('/agents/teams') })}
          >
            Delete
          </Button>
        }
      />
      <ErrorNotice error={remove.error} className="mb-4" />
      <TeamForm
        key={team.updated_at}
        initial={{
          name: team.name,
          description: team.description,
          pattern: team.pattern,
          members: team.members,
          options: team.options,
        }}
        agents={agents}
        saving={save.isPending}
        error={save.error}
        submitLabel="Save team"
        onSave={(input) => save.mutate({ id: team.id, input })}
      />
      {save.isSuccess && (
        <p role="status" className="mt-2 text-sm">
          Saved.
        </p>
      )}
      <PageSection title="Run">
        <TeamRunPanel
          teamId={team.id}
          nameOf={(agent) => agents.find((one) => one.id === agent || one.name === agent)?.name ?? agent}
        />
      </PageSection>
    </>,
  );
}
