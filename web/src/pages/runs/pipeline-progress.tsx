import { useQueryClient } from '@tanstack/react-query';
import type { WorkflowRunDetail } from '../../api/workflow-types';
import { useLiveEvent } from '../../api/live-events';
import { FailedItems } from './failed-items';
import { runKeys } from './run-api';

type Progress = NonNullable<WorkflowRunDetail['pipeline']>;

/**
 * Keeps a pipeline run's counts live: each `workflow.pipeline.progress` event of the run writes its
 * counts into the cached run at once (the run itself is fetched again too, for its steps).
 */
export function usePipelineProgress(runId: string) {
  const client = useQueryClient();
  useLiveEvent('workflow.pipeline.progress', (event) => {
    if (event.data.run_id !== runId) return;
    const { total, done, failed } = event.data as { total: number; done: number; failed: number };
    client.setQueryData<WorkflowRunDetail>(runKeys.one(runId), (run) =>
      run?.pipeline
        ? {
            ...run,
            // Events may arrive out of order: counts only grow.
            pipeline: {
              ...run.pipeline,
              total,
              done: Math.max(run.pipeline.done, done),
              failed: Math.max(run.pipeline.failed, failed),
            },
          }
        : run,
    );
  });
}

/** A pipeline's items: done, failed and in all, as words and a bar; paused when it is; the failed ones. */
export function PipelineProgress({ runId, progress }: { runId: string; progress: Progress }) {
  const ended = progress.done + progress.failed;
  return (
    <section
      aria-label="Items"
      className="mb-4 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800"
    >
      <p className="mb-1 text-sm" id="pipeline-progress-label">
        <span className="font-semibold">
          {ended} of {progress.total} items
        </span>{' '}
        · {progress.done} done · {progress.failed} failed
        {progress.paused && ' · paused'}
      </p>
      <progress
        aria-labelledby="pipeline-progress-label"
        value={ended}
        max={Math.max(progress.total, 1)}
        className="h-2 w-full overflow-hidden rounded accent-blue-700"
      />
      {progress.failed > 0 && <FailedItems runId={runId} />}
    </section>
  );
}
