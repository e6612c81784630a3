import { useState } from 'react';
import type { Agent } from '../../api/agent-types';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { TextArea } from '../../components/field';
import { StatusBadge } from '../runs/status-badge';
import { runEnded, useAgentMutations, useAgentRun } from './agent-api';
import { RunToolCalls } from './run-tool-calls';

/** Ask the agent something: the run's status while it works, then its answer or why it failed. */
export function AskPanel({ agent }: { agent: Agent }) {
  const { ask, cancel } = useAgentMutations();
  const [runId, setRunId] = useState<string | undefined>();
  const run = useAgentRun(runId);
  const working = run.data !== undefined && !runEnded(run.data);
  return (
    <form
      aria-label={`Ask ${agent.name}`}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const input = new FormData(form).get('input');
        if (typeof input !== 'string' || !input.trim()) return;
        ask.mutate({ agent: agent.id, input }, { onSuccess: (started) => setRunId(started.id) });
      }}
    >
      <TextArea label="Your request" name="input" rows={4} required placeholder={agent.description} />
      <ErrorNotice error={ask.error ?? run.error ?? cancel.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={ask.isPending || working}>
          {ask.isPending ? 'Starting…' : 'Ask'}
        </Button>
        {working && run.data && (
          <Button disabled={cancel.isPending} onClick={() => cancel.mutate(run.data.id)}>
            Cancel
          </Button>
        )}
      </div>
      {run.data && (
        <section
          aria-label="Answer"
          aria-live="polite"
          className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800"
        >
          <p className="mb-2 flex items-center gap-2 text-sm">
            <StatusBadge status={run.data.status} />
            {run.data.steps > 0 && <span>{run.data.steps} steps</span>}
            {working && <span>Working…</span>}
          </p>
          <RunToolCalls key={run.data.id} run={run.data} />
          {run.data.output && <p className="whitespace-pre-wrap">{run.data.output}</p>}
          {run.data.error && <p className="text-red-700 dark:text-red-400">{run.data.error.message}</p>}
        </section>
      )}
    </form>
  );
}
