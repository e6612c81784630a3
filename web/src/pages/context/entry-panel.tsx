import { useState } from 'react';
import type { ContextSpace } from '../../api/context-types';
import { ApiError } from '../../api/client';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { TextArea } from '../../components/field';
import { Time } from '../../components/time';
import { canWrite, useContextMutations, useEntry, useHistory } from './context-api';
import { PersonName } from './person-name';

const changeWords = { set: 'set', patch: 'merged', delete: 'deleted', restore: 'restored' } as const;

/** The lost race in words: the panel shows the value that won, to make the change again on it. */
function conflictNotice(error: unknown) {
  if (error instanceof ApiError && error.code === 'CONTEXT_CONFLICT')
    return 'Someone changed this entry since you opened it. Its current value is shown now: make your change again.';
  return undefined;
}

/** One entry: its value (editable by writers, saved compare-and-set), delete, and its history with restore. */
export function EntryPanel({ space, entryKey }: { space: ContextSpace; entryKey: string }) {
  const entry = useEntry(space.id, entryKey);
  const history = useHistory(space.id, entryKey);
  const { setEntry, deleteEntry, restore } = useContextMutations(space.id);
  const [draft, setDraft] = useState<string | undefined>();
  const [parseError, setParseError] = useState<string | undefined>();
  if (entry.isPending) return <Spinner label="Loading the entry" />;
  if (entry.isError) return <ErrorNotice error={entry.error} />;
  const writable = canWrite(space.role);
  const current = JSON.stringify(entry.data.value, null, 2);
  const conflict = conflictNotice(setEntry.error) ?? conflictNotice(deleteEntry.error);
  return (
    <section aria-label={`Entry ${entryKey}`} className="flex flex-col gap-3">
      <h2 className="font-mono text-lg font-semibold">{entryKey}</h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Version {entry.data.version} · <Time value={entry.data.updated_at} relativeToNow />
      </p>
      <form
        aria-label="Entry value"
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          try {
            const value: unknown = JSON.parse(draft ?? current);
            setParseError(undefined);
            setEntry.mutate(
              { key: entryKey, value, ifVersion: entry.data.version },
              {
                onSuccess: () => setDraft(undefined),
                onError: (error) => conflictNotice(error) && setDraft(undefined),
              },
            );
          } catch (failure) {
            setParseError(`This is not JSON: ${(failure as Error).message}`);
          }
        }}
      >
        <TextArea
          label="Value (JSON)"
          value={draft ?? current}
          readOnly={!writable}
          onChange={(event) => setDraft(event.target.value)}
          rows={10}
          spellCheck={false}
          className="font-mono text-sm"
          error={parseError}
        />
        {conflict ? (
          <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
            {conflict}
          </p>
        ) : (
          <ErrorNotice error={setEntry.error ?? deleteEntry.error ?? restore.error} />
        )}
        {writable && (
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={setEntry.isPending || draft === undefined}>
              Save
            </Button>
            <Button
              variant="danger"
              disabled={deleteEntry.isPending}
              onClick={() => deleteEntry.mutate({ key: entryKey, ifVersion: entry.data.version })}
            >
              Delete
            </Button>
          </div>
        )}
      </form>
      <h3 className="mt-2 font-semibold">History</h3>
      {history.isPending ? (
        <Spinner label="Loading the history" />
      ) : history.isError ? (
        <ErrorNotice error={history.error} />
      ) : (
        <ol aria-label="History" className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {history.data.items.map((version) => (
            <li key={version.version} className="flex flex-col gap-1 py-2">
              <span className="flex flex-wrap items-center gap-2">
                <span>
                  Version {version.version} · {changeWords[version.change]} by{' '}
                  <PersonName spaceId={space.id} userId={version.author_id} /> ·{' '}
                  <Time value={version.created_at} relativeToNow />
                </span>
                {writable && version.version !== entry.data.version && !version.deleted && (
                  <Button
                    size="sm"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate({ key: entryKey, version: version.version })}
                  >
                    Restore
                  </Button>
                )}
              </span>
              {version.diff.length > 0 && (
                <ul className="font-mono text-xs text-neutral-700 dark:text-neutral-300">
                  {version.diff.map((operation, index) => (
                    <li key={index}>
                      {operation.op} {operation.path || '/'}
                      {operation.value !== undefined && ` = ${JSON.stringify(operation.value)}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
