import { useState } from 'react';
import { Button } from './button';
import { DiffView } from './diff-view';
import { Time } from './time';
import { versionDiff } from './version-diff';

interface SavedVersion {
  version: number;
  definition: unknown;
  created_at: string;
}

/**
 * Saved versions of a definition, newest first. Diff shows what changed from a version to the current one; Restore
 * (for those who may change it) makes an older one current, as a new version.
 */
export function VersionHistory({
  versions,
  current,
  restoring,
  onRestore,
}: {
  versions: SavedVersion[];
  current: number;
  restoring: boolean;
  onRestore?: ((version: number) => void) | undefined;
}) {
  const [compared, setCompared] = useState<number | undefined>();
  const currentVersion = versions.find((version) => version.version === current);
  const comparedVersion = versions.find((version) => version.version === compared);
  return (
    <>
      <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        {[...versions]
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
                  {onRestore && (
                    <Button size="sm" disabled={restoring} onClick={() => onRestore(version.version)}>
                      Restore
                    </Button>
                  )}
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
