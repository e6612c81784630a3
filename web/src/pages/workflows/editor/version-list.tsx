import { useState } from 'react';
import { Button } from '../../../components/button';
import { DiffView } from '../../../components/diff-view';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { Time } from '../../../components/time';
import { useVersions, useWorkflowMutations } from '../workflow-api';
import { versionDiff } from './version-diff';

/**
 * The saved versions, newest first. Diff shows what changed from a version to the current one; Restore makes an
 * older one current (as a new version).
 */
export function VersionList({ workflowId, current }: { workflowId: string; current: number }) {
  const versions = useVersions(workflowId);
  const { restore } = useWorkflowMutations();
  const [compared, setCompared] = useState<number | undefined>();
  if (versions.isPending) return <Spinner label="Loading versions" />;
  if (versions.isError) return <ErrorNotice error={versions.error} />;
  const currentVersion = versions.data.find((version) => version.version === current);
  const comparedVersion = versions.data.find((version) => version.version === compared);
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
                <span className="flex gap-1">
                  <Button
                    size="sm"
                    aria-pressed={compared === version.version}
                    onClick={() => setCompared(compared === version.version ? undefined : version.version)}
                  >
                    Diff
                  </Button>
                  <Button
                    size="sm"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate({ id: workflowId, version: version.version })}
                  >
                    Restore
                  </Button>
                </span>
              )}
            </li>
          ))}
      </ul>
      {comparedVersion && currentVersion && (
        <section
          aria-label={`Changes from version ${comparedVersion.version} to the current one`}
          className="mt-3"
        >
          <DiffView
            diff={versionDiff(comparedVersion, currentVersion)}
            sameText="The two versions are the same."
          />
        </section>
      )}
    </>
  );
}
