import { useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../../components/feedback';
import { SectionHeading } from '../../../components/section-nav';
import { useUsers } from '../users/users';
import { type AuditEntry, type AuditFilters as Filters, filterNames, useAuditLog } from './audit';
import { AuditFilters } from './audit-filters';
import { AuditRow } from './audit-row';

/** The audit log, newest first, filtered by the URL's search parameters. */
export function AuditSection() {
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(
    filterNames.map((name) => [name, search.get(name) ?? '']),
  ) as unknown as Filters;
  const log = useAuditLog(filters);
  const users = useUsers();
  const everyone = users.data?.pages.flatMap((page) => page.items) ?? [];
  const names = new Map(everyone.map((user) => [user.id, user.name || user.email]));
  const who = (entry: AuditEntry) => {
    if (entry.actor_id) return names.get(entry.actor_id) ?? entry.actor_id.slice(0, 8);
    const email = entry.details.email;
    return typeof email === 'string' ? email : 'System';
  };
  const change = (next: Filters) =>
    setSearch(Object.fromEntries(Object.entries(next).filter(([, value]) => value)));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <SectionHeading
        title="Audit log"
        description="Sign-ins, account changes, keys and tool calls, newest first."
      />
      <AuditFilters filters={filters} users={everyone} onChange={change} />
      <ErrorNotice error={log.error} />
      {log.isPending && <Spinner label="Loading the audit log" />}
      {log.isSuccess && entries.length === 0 && <EmptyState title="Nothing recorded matches these filters" />}
      {entries.length > 0 && (
        <ul
          aria-label="Audit entries"
          className="rounded-lg border border-neutral-200 dark:border-neutral-800"
        >
          {entries.map((entry) => (
            <AuditRow
              key={entry.id}
              entry={entry}
              who={who(entry)}
              subject={entry.subject && (names.get(entry.subject) ?? entry.subject)}
            />
          ))}
        </ul>
      )}
      {log.hasNextPage && (
        <Button className="mt-3" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </section>
  );
}
