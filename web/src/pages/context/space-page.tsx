import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { TextArea, TextField } from '../../components/field';
import { useUrlParams } from '../../components/url-params';
import { canWrite, useContextMutations, useEntries, useSpace } from './context-api';
import { EntryPanel } from './entry-panel';
import { LiveChangeNotice } from './live-change-notice';
import { MembersPanel } from './members-panel';
import { RelationsPanel } from './relations-panel';

/** A key's depth in its path (`findings/market` is 1), to indent the list like a tree. */
const depth = (key: string) => key.split('/').length - 1;

/** One space: its entries (filtered by a key prefix, kept in the URL with the chosen entry), members, a new entry. */
export function SpacePage({ spaceId }: { spaceId: string }) {
  const url = useUrlParams();
  const prefix = url.get('prefix');
  const chosen = url.get('key');
  const space = useSpace(spaceId);
  const entries = useEntries(spaceId, prefix);
  const { setEntry, deleteSpace } = useContextMutations(spaceId);
  const navigate = useNavigate();
  if (space.isPending) return <Spinner label="Loading the space" />;
  if (space.isError)
    return (
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <ErrorNotice error={space.error} />
      </div>
    );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-7xl p-4 sm:p-6">
      <p className="mb-2 text-sm">
        <Link to="/context">Shared context</Link> /
      </p>
      <PageHeader
        title={space.data.name}
        description={space.data.run ? 'The notes of one run' : `Your role: ${space.data.role}`}
        actions={
          space.data.role === 'owner' && (
            <Button
              variant="danger"
              disabled={deleteSpace.isPending}
              onClick={() => deleteSpace.mutate(undefined, { onSuccess: () => navigate('/context') })}
            >
              Delete space
            </Button>
          )
        }
      />
      <ErrorNotice error={deleteSpace.error} className="mb-4" />
      <LiveChangeNotice spaceId={spaceId} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex flex-col gap-4">
          <form
            key={prefix}
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              const value = new FormData(event.currentTarget).get('prefix');
              url.set('prefix', typeof value === 'string' ? value.trim() : '');
            }}
          >
            <TextField
              label="Keys starting with"
              name="prefix"
              type="search"
              defaultValue={prefix}
              placeholder="findings/, then Enter"
            />
          </form>
          {entries.isPending ? (
            <Spinner label="Loading entries" />
          ) : entries.isError ? (
            <ErrorNotice error={entries.error} />
          ) : items.length === 0 ? (
            <EmptyState title={prefix ? 'No key starts with this' : 'No entries yet'}>
              {prefix
                ? 'Clear the search to see every key.'
                : canWrite(space.data.role)
                  ? 'Add the first one below: a key like findings/market and a JSON value.'
                  : 'Its writers, people and agents, add them.'}
            </EmptyState>
          ) : (
            <ul aria-label="Entries" className="flex flex-col text-sm">
              {items.map((entry) => (
                <li key={entry.key} style={{ paddingLeft: `${depth(entry.key)}rem` }}>
                  <button
                    type="button"
                    aria-current={entry.key === chosen ? 'true' : undefined}
                    className="w-full rounded px-2 py-1 text-left font-mono hover:bg-neutral-100 aria-[current]:bg-blue-50 dark:hover:bg-neutral-800 dark:aria-[current]:bg-blue-950"
                    onClick={() => url.set('key', entry.key)}
                  >
                    {entry.key}{' '}
                    <span className="text-neutral-600 dark:text-neutral-400">v{entry.version}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {entries.hasNextPage && (
            <Button onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
              Load more
            </Button>
          )}
          {canWrite(space.data.role) && (
            <form
              aria-label="New entry"
              className="flex flex-col gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                const form = event.currentTarget;
                const data = new FormData(form);
                const key = String(data.get('key') ?? '').trim();
                let value: unknown;
                try {
                  value = JSON.parse(String(data.get('value') ?? ''));
                } catch {
                  value = String(data.get('value') ?? '');
                }
                setEntry.mutate(
                  { key, value, ifVersion: 0 },
                  {
                    onSuccess: () => {
                      form.reset();
                      url.set('key', key);
                    },
                  },
                );
              }}
            >
              <h2 className="font-semibold">New entry</h2>
              <TextField label="Key" name="key" required placeholder="findings/market" />
              <TextArea
                label="Value"
                name="value"
                required
                rows={3}
                hint="JSON, or plain text (kept as a string)"
                className="font-mono text-sm"
              />
              <ErrorNotice error={setEntry.error} />
              <div>
                <Button type="submit" disabled={setEntry.isPending}>
                  Add
                </Button>
              </div>
            </form>
          )}
        </div>
        <div className="flex flex-col gap-8">
          {chosen ? (
            <EntryPanel key={chosen} space={space.data} entryKey={chosen} />
          ) : (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              Choose an entry to see its value and history.
            </p>
          )}
          <MembersPanel space={space.data} />
        </div>
      </div>
      <section aria-label="Who wrote what" className="mt-8">
        <h2 className="mb-2 text-lg font-semibold">Who wrote what</h2>
        <RelationsPanel space={space.data} />
      </section>
    </div>
  );
}
