import { useParams } from 'react-router';
import { NewWorkflowPage, WorkflowPage } from './editor/workflow-page';
import { WorkflowList } from './list/workflow-list';

/** Workflows: the list at /workflows, a new one at /workflows/new, one workflow at /workflows/:workflowId. */
export function Component() {
  const { workflowId } = useParams();
  if (!workflowId) return <WorkflowList />;
  if (workflowId === 'new') return <NewWorkflowPage />;
  return <WorkflowPage key={workflowId} workflowId={workflowId} />;
}
