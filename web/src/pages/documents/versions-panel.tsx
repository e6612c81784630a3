import { api } from '../../api/client';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { Time } from '../../components/time';
import { useToast } from '../../components/toast';
import {
  documentPath,
  type DocumentWithText,
  useDocumentMutation,
  useDocumentVersions,
} from './document-api';
import { formatBytes } from './format';

/** Every version of a document, current first; an owner may restore an earlier one (as a new version). */
export function VersionsPanel({ document }: { document: DocumentWithText }) {
  const toast = useToast();
  const versions = useDocumentVersions(document.id);
  const restore = useDocumentMutation((version: number) =>
    api(`${documentPath(document.id)}/versions/${version}/restore`, { method: 'POST' }),
  );
  return (
    <section aria-labelledby="versions-title" className="flex flex-col gap-2">
      <h2 id="versions-title" className="font-semibold">
        Versions
      </h2>
      {versions.isPending && <Spinner label="Loading versions" />}
      <ErrorNotice error={versions.error ?? restore.error} />
      <ol className="flex flex-col divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
        {versions.data?.items.map((version) => (
          <li key={version.version} className="flex items-center justify-between gap-2 py-2">
            <div>
              <p className="font-medium">
                Version {version.version}
                {version.version === document.version && ' (current)'}
              </p>
              <p className="text-xs text-neutral-600 dark:text-neutral-400">
                <Time value={version.created_at} /> · {formatBytes(version.size_bytes)}
              </p>
            </div>
            {document.mine && version.version !== document.version && (
              <Button
                size="sm"
                disabled={restore.isPending}
                aria-label={`Restore version ${version.version}`}
                onClick={() =>
                  restore.mutate(version.version, {
                    onSuccess: () =>
                      toast({ message: `Version ${version.version} restored as the current text` }),
                  })
                }
              >
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
