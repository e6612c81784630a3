import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamRunView } from '@server/modules/agents/teams/schema';
import { useState } from 'react';
import { api } from '../../../api/client';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { TextArea } from '../../../components/field';
import { StatusBadge } from '../../runs/status-badge';

const ended = (run: TeamRunView) => ['succeeded', 'failed', 'cancelled'].includes(run.status);

/** One team run, asked again every second until it ends. */
function useTeamRun(id: string | undefined) {
  return useQuery({
    queryKey: ['agents', 'team-run', id ?? ''],
    queryFn: ({ signal }) =>
      api<TeamRunView>(`/api/v1/team-runs/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && ended(query.state.data) ? false : 1_000),
  });
}

/**
 * Give the team a task: each member's turn shows as it comes (who, in what role and round, how it
 * ended, what it said), then the team's answer.
 */
export function TeamRunPanel({ teamId, nameOf }: { teamId: string; nameOf: (agent: string) => string }) {
  const client = useQueryClient();
  const [runId, setRunId] = useState<string | undefined>();
  const start = useMutation({
    mutationFn: (input: string) =>
      api<TeamRunView>(`/api/v1/teams/${encodeURIComponent(teamId)}/runs`, {
        method: 'POST',
        body: { input },
      }),
    onSuccess: (run) => setRunId(run.id),
    onSettled: () => client.invalidateQueries({ queryKey: ['agent-runs'] }),
  });
  const run = useTeamRun(runId);
  const working = run.data !== undefined && !ended(run.data);
  return (
    <form
      aria-label="Run the team"
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const input = new FormData(event.currentTarget).get('input');
        if (typeof input === 'string' && input.trim()) start.mutate(input);
      }}
    >
      <TextArea label="Task for the team" name="input" rows={3} required />
      <ErrorNotice error={start.error ?? run.error} />
      <div>
        <Button type="submit" variant="primary" disabled={start.isPending || working}>
          {start.isPending ? 'Starting…' : 'Run'}
        </Button>
      </div>
      {run.data && (
        <section
          aria-label="Team run"
          aria-live="polite"
          className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800"
        >
          <p className="mb-2 flex items-center gap-2 text-sm">
            <StatusBadge status={run.data.status} />
            {working && <span>Working…</span>}
          </p>
          {run.data.turns.length > 0 && (
            <ol aria-label="Turns" className="mb-2 flex flex-col gap-1 text-sm">
              {run.data.turns.map((turn) => (
                <li
                  key={turn.key}
                  className="rounded border border-neutral-200 px-2 py-1 dark:border-neutral-800"
                >
                  <span className="font-medium">{nameOf(turn.agent)}</span>
                  {turn.role && ` (${turn.role})`} · round {turn.round} ·{' '}
                  {turn.kind === 'compensation' ? 'undo · ' : ''}
                  {turn.status}
                  {turn.output && (
                    <span className="block truncate text-neutral-600 dark:text-neutral-400">
                      {turn.output}
                    </span>
                  )}
                  {turn.error && (
                    <span className="block text-red-700 dark:text-red-400">{turn.error.message}</span>
                  )}
                </li>
              ))}
            </ol>
          )}
          {run.data.output && <p className="whitespace-pre-wrap">{run.data.output}</p>}
          {run.data.error && <p className="text-red-700 dark:text-red-400">{run.data.error.message}</p>}
        </section>
      )}
    </form>
  );
}
