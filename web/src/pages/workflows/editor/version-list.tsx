import { Button } from '../../../components/button';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { Time } from '../../../components/time';
import { useVersions, useWorkflowMutations } from '../workflow-api';

/** The saved versions, newest first; Restore makes an older one current (as a new version). */
export function VersionList({ workflowId, current }: { workflowId: string; current: number }) {
  const versions = useVersions(workflowId);
  const { restore } = useWorkflowMutations();
  if (versions.isPending) return <Spinner label="Loading versions" />;
  if (versions.isError) return <ErrorNotice error={versions.error} />;
  return (
    <>
      <ErrorNotice error={restore.error} className="mb-2" />
      <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        {[...versions.data]
          .sort((a, b) => b.version - a.version)
          .map((version) => (
            <li key={version.version} className="flex items-center justify-between gap-2 py-2">
              <span>
                Version {version.version} · <Time value={version.created_at} relativeToNow />
                {version.version === current && ' · current'}
              </span>
              {version.version !== current && (
                <Button
                  size="sm"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate({ id: workflowId, version: version.version })}
                >
                  Restore
                </Button>
              )}
            </li>
          ))}
      </ul>
    </>
  );
}
