import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ContextSpace } from '../../api/context-types';
import type { EventPage } from '../../api/event-types';
import { api } from '../../api/client';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { useEntries, useMembers, usePeople } from './context-api';
import { usePersonLabel } from './person-name';
import { relationsOf, type Write } from './relations';

const rowHeight = 28;
const columnWidth = 170;

/** A label cut to fit its column. */
const fit = (label: string) => (label.length > 24 ? `${label.slice(0, 23)}…` : label);

/** The space's writes as its `context.entry.changed` events tell them (the last hundred). */
function useWrites(spaceId: string) {
  return useQuery({
    queryKey: ['context', 'writes', spaceId],
    queryFn: ({ signal }) =>
      api<EventPage>('/api/v1/events', {
        query: { type: 'context.entry.changed', q: spaceId, limit: 100 },
        signal,
      }).then((page) =>
        page.items.flatMap((event): Write[] => {
          const data = event.data as { space_id?: string; key?: string };
          return data.space_id === spaceId && data.key
            ? [{ userId: event.actor.user_id, via: event.actor.via, key: data.key }]
            : [];
        }),
      ),
  });
}

/**
 * Who wrote what: the users (and through what: the web, an MCP client, a workflow or team run) on
 * the left, the entries they wrote on the right, a line for each; then the run the space belongs
 * to and the agents and teams that are members. Drawn in plain SVG, listed as text as well.
 */
export function RelationsPanel({ space }: { space: ContextSpace }) {
  const writes = useWrites(space.id);
  const entries = useEntries(space.id, '');
  const members = useMembers(space.id);
  const people = usePeople(space.id);
  const label = usePersonLabel(space.id);
  if (writes.isPending || entries.isPending || people.isPending)
    return <Spinner label="Loading who wrote what" />;
  if (writes.isError) return <ErrorNotice error={writes.error} />;
  const nameOf = (userId: string | null) => label(userId).name;
  const relations = relationsOf({
    writes: writes.data,
    entries: entries.data?.pages.flatMap((page) => page.items) ?? [],
    nameOf,
  });
  const cooperating = (members.data ?? []).filter((member) => member.member_kind !== 'user');
  const rows = Math.max(relations.writers.length, relations.keys.length, 1);
  const width = columnWidth * 2 + 120;
  const height = rows * rowHeight + 8;
  const writerY = (id: string) =>
    relations.writers.findIndex((writer) => writer.id === id) * rowHeight + rowHeight / 2 + 4;
  const keyY = (key: string) => relations.keys.indexOf(key) * rowHeight + rowHeight / 2 + 4;
  return (
    <div className="flex flex-col gap-3">
      {relations.keys.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No entries yet: nobody has written here.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <svg
            role="img"
            aria-label={`Who wrote what: ${relations.writers.length} writers, ${relations.keys.length} entries`}
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
          >
            {relations.links.map((link) => (
              <line
                key={`${link.writer}|${link.key}`}
                x1={columnWidth}
                y1={writerY(link.writer)}
                x2={columnWidth + 120}
                y2={keyY(link.key)}
                strokeWidth={Math.min(4, link.count)}
                className="stroke-blue-700 dark:stroke-blue-400"
              />
            ))}
            {relations.writers.map((writer, index) => (
              <text
                key={writer.id}
                x={columnWidth - 6}
                y={index * rowHeight + rowHeight / 2 + 8}
                textAnchor="end"
                className="fill-neutral-900 text-xs dark:fill-neutral-100"
              >
                {fit(writer.label)}
              </text>
            ))}
            {relations.keys.map((key, index) => (
              <text
                key={key}
                x={columnWidth + 126}
                y={index * rowHeight + rowHeight / 2 + 8}
                className="fill-neutral-900 font-mono text-xs dark:fill-neutral-100"
              >
                {fit(key)}
              </text>
            ))}
          </svg>
        </div>
      )}
      <ul aria-label="Writers" className="text-sm">
        {relations.writers.map((writer) => (
          <li key={writer.id}>
            <span className="font-medium" title={label(writer.userId).email}>
              {writer.label}
            </span>{' '}
            wrote{' '}
            {relations.links
              .filter((link) => link.writer === writer.id)
              .map((link) => `${link.key}${link.count > 1 ? ` (${link.count}×)` : ''}`)
              .join(', ')}
          </li>
        ))}
      </ul>
      {space.run && (
        <p className="text-sm">
          The notes of{' '}
          {space.run.kind === 'workflow_run' ? (
            <Link to={`/runs/${space.run.id}`}>a workflow run</Link>
          ) : (
            'a team run'
          )}
          .
        </p>
      )}
      {cooperating.length > 0 && (
        <p className="text-sm">
          Members that work here:{' '}
          {cooperating.map((member) => (
            <span key={member.member_id} className="mr-2">
              {member.member_kind === 'agent' ? (
                <Link to={`/agents/${member.member_id}`}>agent {member.member_id.slice(-6)}</Link>
              ) : (
                `team ${member.member_id.slice(-6)}`
              )}{' '}
              ({member.role})
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
