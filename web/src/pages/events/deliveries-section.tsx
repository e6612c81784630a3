import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { SelectField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { Time } from '../../components/time';
import { useDeliveries, useDelivery, useEventMutations } from './events-api';

type Status = '' | 'pending' | 'delivered' | 'dead';

/** One delivery's log: each attempt, its answer and how long it took. */
function DeliveryLog({ id }: { id: string }) {
  const delivery = useDelivery(id);
  if (delivery.isPending) return <Spinner label="Loading the log" />;
  if (delivery.isError) return <ErrorNotice error={delivery.error} />;
  return (
    <ol aria-label="Attempts" className="ml-4 list-decimal text-xs text-neutral-700 dark:text-neutral-300">
      {delivery.data.log.map((attempt) => (
        <li key={attempt.attempt}>
          {attempt.ok ? 'delivered' : 'failed'}
          {attempt.status_code !== null && ` · HTTP ${attempt.status_code}`}
          {attempt.error && ` · ${attempt.error}`} · {attempt.response_ms} ms ·{' '}
          <Time value={attempt.at} relativeToNow />
        </li>
      ))}
    </ol>
  );
}

/** Deliveries to your subscriptions, newest first; the dead letters (every retry failed) can be sent again. */
export function DeliveriesSection() {
  const [status, setStatus] = useState<Status>('');
  const [open, setOpen] = useState<string | undefined>();
  const deliveries = useDeliveries(status);
  const { replay } = useEventMutations();
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <SectionHeading
        title="Deliveries"
        description="Each event sent to a subscription, with its attempts. A delivery that failed every retry is a dead letter."
      />
      <div className="mb-4 max-w-xs">
        <SelectField
          label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as Status)}
        >
          <option value="">All</option>
          <option value="pending">Being retried</option>
          <option value="delivered">Delivered</option>
          <option value="dead">Dead letters</option>
        </SelectField>
      </div>
      <ErrorNotice error={replay.error} className="mb-2" />
      {deliveries.isPending ? (
        <Spinner label="Loading deliveries" />
      ) : deliveries.isError ? (
        <ErrorNotice error={deliveries.error} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'dead' ? 'No dead letters' : 'No deliveries yet'}>
          {status === 'dead' ? (
            'Every delivery that failed for good would wait here to be replayed.'
          ) : (
            <>
              An event matching one of your <Link to="/events/subscriptions">subscriptions</Link> is delivered
              and logged here.
            </>
          )}
        </EmptyState>
      ) : (
        <ul aria-label="Deliveries" className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {items.map((delivery) => (
            <li key={delivery.id} className="py-2">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <code className="text-xs">{delivery.event_type}</code>
                <span>{delivery.status}</span>
                <span>
                  {delivery.attempts} {delivery.attempts === 1 ? 'attempt' : 'attempts'}
                </span>
                <Time value={delivery.created_at} relativeToNow />
                {delivery.last_error && (
                  <span className="text-red-700 dark:text-red-400">{delivery.last_error}</span>
                )}
                <span className="ml-auto flex gap-1">
                  <Button size="sm" onClick={() => setOpen(open === delivery.id ? undefined : delivery.id)}>
                    {open === delivery.id ? 'Hide log' : 'Log'}
                  </Button>
                  {delivery.status === 'dead' && (
                    <Button size="sm" disabled={replay.isPending} onClick={() => replay.mutate(delivery.id)}>
                      Replay
                    </Button>
                  )}
                </span>
              </div>
              {open === delivery.id && <DeliveryLog id={delivery.id} />}
            </li>
          ))}
        </ul>
      )}
      {deliveries.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void deliveries.fetchNextPage()} disabled={deliveries.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </>
  );
}
