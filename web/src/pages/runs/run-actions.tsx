import { useNavigate } from 'react-router';
import type { WorkflowRunView } from '../../api/workflow-types';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { actionsFor, type RunAction, useRunAction } from './run-api';

const labels: Record<RunAction, string> = {
  cancel: 'Cancel',
  resume: 'Resume',
  retry: 'Retry from the failed step',
  rerun: 'Run again',
  pause: 'Pause',
  'retry-failed': 'Retry the failed items',
};

/** The actions a run offers in its status; retry and re-run open the new run; the server's error shows here. */
export function RunActions({ run }: { run: WorkflowRunView }) {
  const action = useRunAction(run.id);
  const navigate = useNavigate();
  const actions = actionsFor(run.status, run.pipeline);
  const act = (name: RunAction) =>
    action.mutate(name, {
      onSuccess: (answer) => {
        if (answer.id !== run.id) navigate(`/runs/${answer.id}`);
      },
    });
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {actions.map((name) => (
          <Button
            key={name}
            variant={name === 'cancel' ? 'danger' : name.startsWith('retry') ? 'primary' : 'secondary'}
            disabled={action.isPending}
            onClick={() => act(name)}
          >
            {labels[name]}
          </Button>
        ))}
      </div>
      <ErrorNotice error={action.error} />
    </div>
  );
}
