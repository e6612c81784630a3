import type { WorkflowRunView, WorkflowSummary } from '../../../api/workflow-types';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';
import { useSchemaForm } from '../use-schema-form';
import { useWorkflowMutations } from '../workflow-api';
import { usePipelineItems } from './pipeline-items';

/** Runs the workflow with an input form made from its input_schema; `onStarted` is given the run. */
export function RunForm({
  workflow,
  onStarted,
}: {
  workflow: WorkflowSummary;
  onStarted: (run: WorkflowRunView) => void;
}) {
  const { run } = useWorkflowMutations();
  const form = useSchemaForm(workflow.definition.input_schema, run.error);
  const pipeline = workflow.definition.kind === 'pipeline';
  const items = usePipelineItems();
  return (
    <form
      aria-label={`Run ${workflow.name}`}
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.build();
        const chosen = pipeline ? items.read() : {};
        if (input && chosen)
          run.mutate({ id: workflow.id, input: { ...input, ...chosen } }, { onSuccess: onStarted });
      }}
    >
      {pipeline && items.fields}
      {form.empty && !pipeline && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">This workflow takes no input.</p>
      )}
      {form.inputs}
      {!form.placed && <ErrorNotice error={run.error} />}
      <div>
        <Button type="submit" variant="primary" disabled={run.isPending}>
          {run.isPending ? 'Starting…' : 'Run'}
        </Button>
      </div>
    </form>
  );
}
