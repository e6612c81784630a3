import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { SelectField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { diffVersions, listVersions, type Prompt, promptKeys, restoreVersion } from '../prompt-api';
import { DiffView } from '../../../components/diff-view';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every version of a prompt, a diff between two chosen ones (kept in the URL) and rollback to an old one. */
export function VersionPanel({ prompt }: { prompt: Prompt }) {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const toast = useToast();
  const versions = useQuery({
    queryKey: promptKeys.versions(prompt.id),
    queryFn: ({ signal }) => listVersions(prompt.id, signal),
  });
  const to = Number(params.get('to')) || prompt.version;
  const from = Number(params.get('from')) || Math.max(1, to - 1);
  const diff = useQuery({
    queryKey: promptKeys.diff(prompt.id, from, to),
    queryFn: ({ signal }) => diffVersions(prompt.id, from, to, signal),
    enabled: prompt.version > 1 && from !== to,
  });
  const restore = useMutation({
    mutationFn: (version: number) => restoreVersion(prompt.id, version),
    onSuccess: (restored, version) => {
      queryClient.setQueryData(promptKeys.one(prompt.id), restored);
      toast({ message: `Version ${version} restored as version ${restored.version}.` });
    },
  });
  const choose = (key: 'from' | 'to', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('from', String(from));
        next.set('to', String(to));
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const numbers = versions.data?.items.map((version) => version.version) ?? [];

  return (
    <section
      aria-labelledby="versions-title"
      className="mt-10 border-t border-neutral-200 pt-6 dark:border-neutral-800"
    >
      <h2 id="versions-title" className="mb-3 text-lg font-semibold">
        Versions
      </h2>
      <ErrorNotice error={versions.error ?? restore.error} className="mb-3" />
      {versions.isPending && <Spinner label="Loading versions" />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <ol
          className="flex flex-col divide-y divide-neutral-200 dark:divide-neutral-800"
          aria-label="Versions"
        >
          {versions.data?.items.map((version) => (
            <li key={version.version} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="text-sm">
                <span className="font-medium">Version {version.version}</span>
                {version.version === prompt.version && ' (current)'}
                <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                  {dateFormat.format(new Date(version.created_at))}
                </span>
              </span>
              {version.version !== prompt.version && prompt.mine && (
                <Button
                  size="sm"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate(version.version)}
                >
                  Restore version {version.version}
                </Button>
              )}
            </li>
          ))}
        </ol>
        {numbers.length > 1 && (
          <div className="flex min-w-0 flex-col gap-3">
            <div className="flex flex-wrap gap-3">
              <SelectField
                label="Compare from"
                value={from}
                onChange={(event) => choose('from', event.target.value)}
              >
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    Version {number}
                  </option>
                ))}
              </SelectField>
              <SelectField label="to" value={to} onChange={(event) => choose('to', event.target.value)}>
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    Version {number}
                  </option>
                ))}
              </SelectField>
            </div>
            <ErrorNotice error={diff.error} />
            {from === to && (
              <p className="text-sm text-neutral-600 dark:text-neutral-400">Choose two different versions.</p>
            )}
            {diff.data && <DiffView diff={diff.data.diff} sameText="The templates are the same." />}
          </div>
        )}
      </div>
    </section>
  );
}
