import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorNotice, PageHeader, Spinner } from '../../../components/feedback';
import { useWorkflow, useWorkflowMutations } from '../workflow-api';
import { DefinitionEditor } from './definition-editor';
import { draftText, starterDefinition } from './definition-draft';
import { RunForm } from './run-form';
import { VersionList } from './version-list';
import { PageSection } from '../../../components/page-section';
import { useRun } from '../../runs/run-api';
import { TestRunStatus } from './test-run-status';

/** Saves text as a file in the browser's downloads. */
function download(name: string, text: string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** A new workflow: the editor with a starter definition; Save creates it and opens it. */
export function NewWorkflowPage() {
  const { create, validate } = useWorkflowMutations();
  const navigate = useNavigate();
  return (
    <div className="mx-auto max-w-7xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/workflows">Workflows</Link> /
      </p>
      <PageHeader
        title="New workflow"
        description="Drag steps from the palette onto the graph, or write them as JSON: each follows the other."
      />
      <DefinitionEditor
        initialText={draftText(starterDefinition)}
        saving={create.isPending}
        onCheck={(document) => validate.mutateAsync(document)}
        onSave={(document) =>
          create.mutateAsync(document).then((workflow) => navigate(`/workflows/${workflow.id}`))
        }
      />
    </div>
  );
}

/**
 * One workflow: run it (the designer's graph lights up with the run), its definition (palette, graph
 * and JSON), versions, export and delete.
 */
export function WorkflowPage({ workflowId }: { workflowId: string }) {
  const workflow = useWorkflow(workflowId);
  const [testRunId, setTestRunId] = useState<string | null>(null);
  const testRun = useRun(testRunId);
  const { save, validate, remove, exportDocument } = useWorkflowMutations();
  const navigate = useNavigate();
  if (workflow.isPending) return <Spinner label="Loading the workflow" />;
  if (workflow.isError)
    return (
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <ErrorNotice error={workflow.error} />
      </div>
    );
  const data = workflow.data;
  return (
    <div className="mx-auto max-w-7xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/workflows">Workflows</Link> /
      </p>
      <PageHeader
        title={data.name}
        description={
          <>
            {data.description && `${data.description} · `}Version {data.version} ·{' '}
            <Link to={`/runs?workflow=${data.id}`}>its runs</Link>
          </>
        }
        actions={
          <>
            {(['json', 'yaml'] as const).map((format) => (
              <Button
                key={format}
                disabled={exportDocument.isPending}
                onClick={() =>
                  exportDocument.mutate(
                    { id: data.id, format },
                    {
                      onSuccess: (exported) =>
                        download(`${data.name}.${format}`, exported.document, `application/${format}`),
                    },
                  )
                }
              >
                Export {format.toUpperCase()}
              </Button>
            ))}
            {data.is_owner && (
              <Button
                variant="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(data.id, { onSuccess: () => navigate('/workflows') })}
              >
                Delete
              </Button>
            )}
          </>
        }
      />
      <ErrorNotice error={remove.error ?? exportDocument.error} className="mb-4" />
      <PageSection title="Run">
        <div className="flex flex-col gap-3">
          <RunForm key={data.version} workflow={data} onStarted={(run) => setTestRunId(run.id)} />
          <TestRunStatus run={testRun.data} error={testRun.error} />
        </div>
      </PageSection>
      <PageSection title="Definition">
        {!data.is_owner && (
          <p className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
            Shared with you: read it and run it; only its owner saves changes.
          </p>
        )}
        <DefinitionEditor
          key={data.version}
          initialText={draftText(data.definition)}
          runSteps={testRun.data?.steps}
          workflowName={data.name}
          saving={save.isPending}
          onCheck={(document) => validate.mutateAsync(document)}
          onSave={(document) => save.mutateAsync({ id: data.id, definition: document })}
        />
      </PageSection>
      <PageSection title="Versions">
        <VersionList workflowId={data.id} current={data.version} />
      </PageSection>
    </div>
  );
}
