import type { RunStatus, StepStatus } from '../../../api/workflow-types';

/** A status as the graph and the lists show it: a word and its colours (light and dark, AA contrast). */
export interface StatusTone {
  label: string;
  /** Border and fill of a node or a badge. */
  className: string;
}

const tones: Record<StepStatus | RunStatus | 'not_run', StatusTone> = {
  queued: {
    label: 'Queued',
    className:
      'border-neutral-400 bg-neutral-50 text-neutral-800 dark:border-neutral-500 dark:bg-neutral-900 dark:text-neutral-200',
  },
  pending: {
    label: 'Pending',
    className:
      'border-neutral-400 bg-neutral-50 text-neutral-800 dark:border-neutral-500 dark:bg-neutral-900 dark:text-neutral-200',
  },
  running: {
    label: 'Running',
    className:
      'border-blue-600 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100',
  },
  waiting: {
    label: 'Waiting',
    className:
      'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100',
  },
  succeeded: {
    label: 'Succeeded',
    className:
      'border-green-700 bg-green-50 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100',
  },
  failed: {
    label: 'Failed',
    className: 'border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100',
  },
  skipped: {
    label: 'Skipped',
    className:
      'border-dashed border-neutral-400 bg-white text-neutral-700 dark:border-neutral-600 dark:bg-neutral-950 dark:text-neutral-300',
  },
  cancelled: {
    label: 'Cancelled',
    className:
      'border-neutral-500 bg-neutral-100 text-neutral-700 dark:border-neutral-500 dark:bg-neutral-800 dark:text-neutral-300',
  },
  not_run: {
    label: 'Not run',
    className:
      'border-neutral-300 bg-white text-neutral-800 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200',
  },
};

/** How a run's or a step's status looks; a step the run has not reached is `not_run`. */
export function statusTone(status: StepStatus | RunStatus | 'not_run'): StatusTone {
  return tones[status];
}

/**
 * One status for a step that ran several times (each item of a foreach, each pass of a loop): what
 * needs attention first (failed, running, waiting), then done when every record is done.
 */
export function combinedStatus(statuses: StepStatus[]): StepStatus | 'not_run' {
  if (statuses.length === 0) return 'not_run';
  for (const first of ['failed', 'running', 'waiting', 'cancelled', 'pending'] as const)
    if (statuses.includes(first)) return first;
  return statuses.includes('succeeded') ? 'succeeded' : 'skipped';
}
