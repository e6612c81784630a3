import { PageHeader } from '../../components/feedback';

/** Workflows: the list at /workflows, one workflow at /workflows/:workflowId. */
export function Component() {
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader title="Workflows" />
    </div>
  );
}
