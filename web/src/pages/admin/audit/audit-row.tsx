import { useState } from 'react';
import { Time } from '../../../components/time';
import { humanize, ValueView } from '../../../components/value-view';
import type { AuditEntry } from './audit';

const statusTones: Record<string, string> = {
  success: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  failure: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  denied: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  error: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
};

/** One audited action: when, who, what (`subject` named where it is a person), how it ended, from where; opens to show its details. */
export function AuditRow({
  entry,
  who,
  subject,
}: {
  entry: AuditEntry;
  who: string;
  subject: string | null;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-${entry.id}`;
  const about = [subject, entry.reason && humanize(entry.reason)].filter(Boolean).join(' · ');
  return (
    <li className="border-b border-neutral-200 last:border-b-0 dark:border-neutral-800">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
        className="grid w-full grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-3 py-2 text-left text-sm hover:bg-neutral-50 md:grid-cols-[10rem_8rem_1fr_5rem_8rem] md:items-center dark:hover:bg-neutral-900"
      >
        <span className="text-neutral-600 dark:text-neutral-400">
          <Time value={entry.at} />
        </span>
        <span className="truncate font-medium md:order-none">{who}</span>
        <span className="min-w-0">
          <code className="text-xs">{entry.action}</code>
          {about && <span className="ml-2 break-all text-neutral-600 dark:text-neutral-400">{about}</span>}
        </span>
        <span>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusTones[entry.status] ?? statusTones.failure}`}
          >
            {entry.status}
          </span>
        </span>
        <span className="text-xs text-neutral-600 dark:text-neutral-400">
          {entry.surface}
          {entry.ip && ` · ${entry.ip}`}
        </span>
      </button>
      {open && (
        <div id={detailsId} className="bg-neutral-50 px-3 py-3 text-sm dark:bg-neutral-900">
          <ValueView
            value={{
              ...entry.details,
              subject: entry.subject,
              reason: entry.reason,
              user_agent: entry.user_agent,
              duration_ms: entry.duration_ms,
              actor_id: entry.actor_id,
            }}
          />
        </div>
      )}
    </li>
  );
}
