import type { RunStatus, StepStatus } from '../../api/workflow-types';
import { statusTone } from '../workflows/graph/step-status';

/** A status as a small labelled badge, coloured like the graph's nodes. */
export function StatusBadge({ status }: { status: RunStatus | StepStatus | 'not_run' }) {
  const tone = statusTone(status);
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tone.className}`}>
      {tone.label}
    </span>
  );
}
