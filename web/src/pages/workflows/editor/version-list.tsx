import { ErrorNotice, Spinner } from '../../../components/feedback';
import { VersionHistory } from '../../../components/version-history';
import { useVersions, useWorkflowMutations } from '../workflow-api';

/** The workflow's saved versions, with a diff against the current one and Restore. */
export function VersionList({ workflowId, current }: { workflowId: string; current: number }) {
  const versions = useVersions(workflowId);
  const { restore } = useWorkflowMutations();
  if (versions.isPending) return <Spinner label="Loading versions" />;
  if (versions.isError) return <ErrorNotice error={versions.error} />;
  return (
    <>
      <ErrorNotice error={restore.error} className="mb-2" />
      <VersionHistory
        versions={versions.data}
        current={current}
        restoring={restore.isPending}
        onRestore={(version) => restore.mutate({ id: workflowId, version })}
      />
    </>
  );
}
