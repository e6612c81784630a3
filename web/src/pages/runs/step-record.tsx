import type { WorkflowRunStepView } from '../../api/workflow-types';
import { ValueView } from '../../components/value-view';
import { StatusBadge } from './status-badge';

/** "1.2 s", "3 min 4 s": how long a step took, or how long it has run so far. */
export function durationOf(
  step: Pick<WorkflowRunStepView, 'started_at' | 'ended_at'>,
  now = Date.now(),
): string {
  if (!step.started_at) return '—';
  const end = step.ended_at ? Date.parse(step.ended_at) : now;
  const ms = Math.max(0, end - Date.parse(step.started_at));
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="text-neutral-600 dark:text-neutral-400">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Value({ title, value, open = false }: { title: string; value: unknown; open?: boolean }) {
  return (
    <details open={open} className="mt-2">
      <summary className="cursor-pointer text-sm font-medium">{title}</summary>
      <div className="mt-1 max-h-72 overflow-auto rounded border border-neutral-200 p-2 text-sm dark:border-neutral-800">
        <ValueView value={value} />
      </div>
    </details>
  );
}

/** One step record: status, timing, attempts, tokens, cache; its error with the code; input and output. */
export function StepRecord({ step, highlighted }: { step: WorkflowRunStepView; highlighted: boolean }) {
  const tokens = (step.input_tokens ?? 0) + (step.output_tokens ?? 0);
  return (
    <li
      id={`step-${step.path}`}
      className={`px-3 py-2 ${highlighted ? 'bg-blue-50 dark:bg-blue-950' : ''}`}
      aria-current={highlighted ? 'true' : undefined}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-semibold">{step.path}</span>
        <span className="text-xs text-neutral-600 dark:text-neutral-400">{step.kind}</span>
        <StatusBadge status={step.status} />
      </div>
      <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
        <Fact term="Took">{durationOf(step)}</Fact>
        <Fact term="Attempts">{step.attempts}</Fact>
        {step.branch && <Fact term="Branch">{step.branch}</Fact>}
        {step.model && <Fact term="Model">{step.model}</Fact>}
        {tokens > 0 && (
          <Fact term="Tokens">
            {step.input_tokens ?? 0} in, {step.output_tokens ?? 0} out
          </Fact>
        )}
        {step.cache_hit && <Fact term="Cache">hit</Fact>}
      </dl>
      {step.error && (
        <p className="mt-1 text-sm text-red-800 dark:text-red-300">
          <code className="font-semibold">{step.error.code}</code>: {step.error.message}
        </p>
      )}
      <Value title="Input" value={step.input} />
      {step.output !== null && (
        <Value
          title={step.output_truncated ? 'Output (truncated)' : 'Output'}
          value={step.output}
          open={highlighted}
        />
      )}
    </li>
  );
}
