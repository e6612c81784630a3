import { useQuery } from '@tanstack/react-query';
import type { EventPage } from '../../api/event-types';
import { api } from '../../api/client';

interface StepEvent {
  run_id: string;
  step: number;
  tool_calls: string[];
}

/**
 * The tools a run called, a card per call in the order made, read from the run's `agent.run.step`
 * events (asked again while the run works).
 */
export function RunToolCalls({ runId, working }: { runId: string; working: boolean }) {
  const steps = useQuery({
    queryKey: ['agent-runs', 'tool-calls', runId],
    queryFn: ({ signal }) =>
      api<EventPage>('/api/v1/events', { query: { type: 'agent.run.step', q: runId, limit: 100 }, signal }),
    refetchInterval: working ? 1_000 : false,
  });
  const calls = (steps.data?.items ?? [])
    .map((event) => event.data as StepEvent)
    .filter((data) => data.run_id === runId)
    .sort((left, right) => left.step - right.step)
    .flatMap((data) =>
      data.tool_calls.map((tool, index) => ({ key: `${data.step}:${index}`, tool, step: data.step })),
    );
  if (calls.length === 0) return null;
  return (
    <ol aria-label="Tool calls" className="mb-2 flex flex-col gap-2">
      {calls.map((call) => (
        <li
          key={call.key}
          className="flex flex-wrap items-center gap-2 rounded-md border border-neutral-200 px-3 py-2 text-sm dark:border-neutral-800"
        >
          <span className="font-mono">{call.tool}</span>
          <span className="text-neutral-600 dark:text-neutral-400">step {call.step}</span>
          <span className="ml-auto rounded-full bg-green-50 px-2 py-0.5 text-xs text-green-800 dark:bg-green-950 dark:text-green-200">
            Called
          </span>
        </li>
      ))}
    </ol>
  );
}
