import { useState } from 'react';
import { useLiveEvent } from '../../api/live-events';
import type { LiveEvent } from '../../api/types';
import { Button } from '../../components/button';
import { SelectField, TextField } from '../../components/field';
import { SectionHeading } from '../../components/section-nav';
import { Time } from '../../components/time';
import { matchesEventFilter, type TailFilter } from './tail-filter';

/** How many events the tail keeps; older ones drop off (the History has them all). */
const kept = 200;

/**
 * Your events as they happen (the page's live channel), newest first, filtered by a type pattern,
 * how recent, and words in the payload; each opens to its payload. Pause holds the list still.
 */
export function LiveSection() {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [paused, setPaused] = useState(false);
  const [filter, setFilterNow] = useState<TailFilter>({ type: '', text: '', withinMinutes: 0 });
  /** The time "the last minutes" count back from: when the list or the filter last changed. */
  const [now, setNow] = useState(() => Date.now());
  const setFilter = (next: TailFilter) => {
    setFilterNow(next);
    setNow(Date.now());
  };
  useLiveEvent('', (event) => {
    if (paused) return;
    setEvents((current) => [event, ...current].slice(0, kept));
    setNow(Date.now());
  });
  const shown = events.filter((event) => matchesEventFilter(event, filter, now));
  return (
    <>
      <SectionHeading
        title="Live"
        description="Events as they happen in your workspace, while this page is open."
      />
      <div role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <TextField
          label="Type pattern"
          placeholder="task.* or *.created"
          value={filter.type}
          onChange={(event) => setFilter({ ...filter, type: event.target.value })}
        />
        <TextField
          label="Text in the payload"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.target.value })}
        />
        <SelectField
          label="From the last"
          value={filter.withinMinutes}
          onChange={(event) => setFilter({ ...filter, withinMinutes: Number(event.target.value) })}
        >
          <option value={0}>Since the page opened</option>
          <option value={1}>Minute</option>
          <option value={5}>5 minutes</option>
          <option value={60}>Hour</option>
        </SelectField>
        <Button aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button onClick={() => setEvents([])}>Clear</Button>
      </div>
      <p aria-live="polite" className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
        {shown.length} of {events.length} events{paused ? ' · paused' : ''}
      </p>
      {shown.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Waiting for events: add a task, ask an agent, or publish one under History.
        </p>
      ) : (
        <ul aria-label="Live events" className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {shown.map((event) => (
            <li key={event.id} className="py-1">
              <details>
                <summary className="flex cursor-pointer flex-wrap gap-x-4">
                  <code className="text-xs">{event.type}</code>
                  <span className="text-neutral-600 dark:text-neutral-400">via {event.actor.via}</span>
                  <Time value={event.at} relativeToNow />
                </summary>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
                  <dt>Id</dt>
                  <dd className="font-mono">{event.id}</dd>
                  <dt>At</dt>
                  <dd>{new Date(event.at).toLocaleString()}</dd>
                </dl>
                <pre
                  tabIndex={0}
                  className="mt-1 overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-800"
                >
                  {JSON.stringify(event.data, null, 2)}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
