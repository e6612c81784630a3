import { Link } from 'react-router';
import type { WorkflowSummary } from '../../../api/workflow-types';
import { Time } from '../../../components/time';
import { StatusBadge } from '../../runs/status-badge';

/**
 * A workflow in the list: its name, what it does, when a schedule runs it next, and how your last run
 * of it went (a link to it).
 */
export function WorkflowRow({ workflow }: { workflow: WorkflowSummary }) {
  const last = workflow.last_run;
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
      <div className="min-w-48 flex-1">
        <Link to={`/workflows/${workflow.id}`} className="font-medium">
          {workflow.name}
        </Link>
        {workflow.description && (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{workflow.description}</p>
        )}
      </div>
      {workflow.next_run_at && (
        <span className="text-sm text-neutral-600 dark:text-neutral-400">
          Next run <Time value={workflow.next_run_at} relativeToNow />
        </span>
      )}
      {last ? (
        <Link to={`/runs/${last.id}`} className="flex items-center gap-2 text-sm no-underline">
          <span className="sr-only">Last run:</span>
          <StatusBadge status={last.status} />
          <Time value={last.at} relativeToNow />
        </Link>
      ) : (
        <span className="text-sm text-neutral-600 dark:text-neutral-400">Never run</span>
      )}
    </li>
  );
}
