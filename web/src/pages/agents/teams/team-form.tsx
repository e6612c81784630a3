import { useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import type { CreateTeamInput } from './team-api';
import { TeamDiagram } from './team-diagram';

const patterns = {
  supervisor: 'Supervisor: one hands work to the others',
  pipeline: 'Pipeline: each in turn, undone on failure',
  review: 'Review: a writer and a critic in rounds',
  vote: 'Vote: all answer, one answer chosen',
} as const;
const roles: Record<string, string[]> = {
  supervisor: ['supervisor', 'worker'],
  review: ['writer', 'critic'],
};

type Member = { agent: string; role?: string | undefined };

/** A team's fields: name, pattern, members (agents you may run) with roles, the pattern's options; drawn as it is edited. */
export function TeamForm({
  initial,
  agents,
  saving,
  error,
  submitLabel,
  onSave,
}: {
  initial: CreateTeamInput;
  agents: { id: string; name: string }[];
  saving: boolean;
  error: unknown;
  submitLabel: string;
  onSave: (team: CreateTeamInput) => void;
}) {
  const [team, setTeam] = useState<CreateTeamInput>(initial);
  const members: Member[] = team.members;
  const set = (patch: Partial<CreateTeamInput>) => setTeam({ ...team, ...patch });
  const setMember = (index: number, patch: Partial<Member>) =>
    set({ members: members.map((member, at) => (at === index ? { ...member, ...patch } : member)) });
  const nameOf = (agent: string) =>
    agents.find((one) => one.id === agent || one.name === agent)?.name ?? agent;
  const options = {
    max_rounds: 3,
    approval_marker: 'APPROVED',
    strategy: 'majority' as const,
    ...team.options,
  };
  return (
    <form
      aria-label={submitLabel}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ ...team, members: members.filter((member) => member.agent) });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Team name"
          value={team.name}
          required
          onChange={(event) => set({ name: event.target.value })}
        />
        <SelectField
          label="Pattern"
          value={team.pattern}
          onChange={(event) => set({ pattern: event.target.value as CreateTeamInput['pattern'] })}
        >
          {Object.entries(patterns).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label="Team description"
        value={team.description ?? ''}
        onChange={(event) => set({ description: event.target.value })}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Members</legend>
        <ol className="flex flex-col gap-2">
          {members.map((member, index) => (
            <li key={index} className="flex flex-wrap items-end gap-2">
              <div className="min-w-40 flex-1">
                <SelectField
                  label={`Member ${index + 1}`}
                  value={member.agent}
                  onChange={(event) => setMember(index, { agent: event.target.value })}
                >
                  <option value="">Choose an agent</option>
                  {agents.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="w-36">
                <TextField
                  label={`Member ${index + 1} role`}
                  value={member.role ?? ''}
                  list={`team-roles-${team.pattern}`}
                  onChange={(event) => setMember(index, { role: event.target.value || undefined })}
                />
              </div>
              <Button
                size="sm"
                aria-label={`Remove member ${index + 1}`}
                onClick={() => set({ members: members.filter((_, at) => at !== index) })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
        <datalist id={`team-roles-${team.pattern}`}>
          {(roles[team.pattern] ?? []).map((role) => (
            <option key={role} value={role} />
          ))}
        </datalist>
        <div>
          <Button
            size="sm"
            disabled={members.length >= 10}
            onClick={() => set({ members: [...members, { agent: '' }] })}
          >
            Add a member
          </Button>
        </div>
      </fieldset>
      {team.pattern === 'review' && (
        <TextField
          label="Rounds at most"
          type="number"
          min={1}
          max={10}
          value={options.max_rounds}
          onChange={(event) => set({ options: { ...options, max_rounds: Number(event.target.value) || 1 } })}
        />
      )}
      {team.pattern === 'vote' && (
        <SelectField
          label="How the answer is chosen"
          value={options.strategy}
          onChange={(event) =>
            set({ options: { ...options, strategy: event.target.value as typeof options.strategy } })
          }
        >
          <option value="majority">The most common answer</option>
          <option value="first">The first answer</option>
          <option value="longest">The longest answer</option>
          <option value="shortest">The shortest answer</option>
        </SelectField>
      )}
      {members.some((member) => member.agent) && (
        <TeamDiagram
          team={{
            name: team.name || 'new',
            pattern: team.pattern,
            members: members.filter((member) => member.agent),
            options,
          }}
          nameOf={nameOf}
        />
      )}
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
