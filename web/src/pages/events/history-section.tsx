import { useState } from 'react';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { TextArea, TextField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { Time } from '../../components/time';
import { type HistoryFilters, useEventMutations, useHistory } from './events-api';

/** Publishes a custom.* event: to try a subscription, or to start what listens for it. */
function PublishForm() {
  const { publish } = useEventMutations();
  const [dataError, setDataError] = useState<string | undefined>();
  return (
    <form
      aria-label="Publish an event"
      className="mb-6 flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const values = new FormData(form);
        let data: Record<string, unknown> = {};
        const text = String(values.get('data') ?? '').trim();
        if (text) {
          try {
            data = JSON.parse(text) as Record<string, unknown>;
          } catch {
            return setDataError('The payload is not JSON: write an object like {"total": 120}.');
          }
        }
        setDataError(undefined);
        publish.mutate(
          { type: String(values.get('type') ?? '').trim(), data },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <h3 className="font-semibold">Publish an event</h3>
      <TextField label="Type" name="type" required placeholder="custom.order.paid" />
      <TextArea
        label="Payload (JSON object)"
        name="data"
        rows={3}
        className="font-mono text-sm"
        error={dataError}
      />
      <ErrorNotice error={publish.error} />
      {publish.isSuccess && (
        <p role="status" className="text-sm">
          Published.
        </p>
      )}
      <div>
        <Button type="submit" disabled={publish.isPending}>
          Publish
        </Button>
      </div>
    </form>
  );
}

/** Your events, newest first, searched by type pattern and by words in the payload; and publishing one. */
export function HistorySection() {
  const [filters, setFilters] = useState<HistoryFilters>({ type: '', q: '' });
  const history = useHistory(filters);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <SectionHeading
        title="History"
        description="What happened in your workspace, kept for the retention period."
      />
      <PublishForm />
      <form
        role="search"
        className="mb-4 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const values = new FormData(event.currentTarget);
          setFilters({
            type: String(values.get('type') ?? '').trim(),
            q: String(values.get('q') ?? '').trim(),
          });
        }}
      >
        <TextField label="Type" name="type" placeholder="task.*" />
        <TextField label="Payload contains" name="q" />
        <Button type="submit">Search</Button>
      </form>
      {history.isPending ? (
        <Spinner label="Loading events" />
      ) : history.isError ? (
        <ErrorNotice error={history.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No events match" />
      ) : (
        <ul aria-label="Events" className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {items.map((item) => (
            <li key={item.id} className="py-2">
              <div className="flex flex-wrap gap-x-4">
                <code className="text-xs">{item.type}</code>
                <span className="text-neutral-600 dark:text-neutral-400">via {item.actor.via}</span>
                <Time value={item.at} relativeToNow />
              </div>
              <pre
                tabIndex={0}
                className="mt-1 overflow-x-auto text-xs text-neutral-700 dark:text-neutral-300"
              >
                {JSON.stringify(item.data)}
              </pre>
            </li>
          ))}
        </ul>
      )}
      {history.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </>
  );
}
