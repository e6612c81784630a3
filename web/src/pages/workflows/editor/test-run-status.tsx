import { Link } from 'react-router';
import type { WorkflowRunDetail } from '../../../api/workflow-types';
import { ErrorNotice } from '../../../components/feedback';
import { StatusBadge } from '../../runs/status-badge';

/**
 * Where the run started from the designer stands (live, as the graph below is coloured): its status,
 * steps done, where an approval is answered, the error, and a link to its page.
 */
export function TestRunStatus({ run, error }: { run: WorkflowRunDetail | undefined; error: unknown }) {
  if (error) return <ErrorNotice error={error} />;
  if (!run) return null;
  return (
    <div
      role="status"
      aria-label="The test run"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-neutral-200 px-3 py-2 text-sm dark:border-neutral-800"
    >
      <span className="font-medium">Test run</span>
      {/* Before the parts that change as the run goes on, so it does not move under the pointer. */}
      <Link to={`/runs/${run.id}`}>Open the run page</Link>
      <StatusBadge status={run.status} />
      <span>
        {run.steps_done} of {run.steps_total} steps done; the graph below follows it.
      </span>
      {run.status === 'waiting' && <Link to="/approvals">Answer its approval in the inbox</Link>}
      {run.error && (
        <span className="text-red-800 dark:text-red-300">
          {run.error.code}
          {run.error.step_path && ` at ${run.error.step_path}`}
        </span>
      )}
    </div>
  );
}
