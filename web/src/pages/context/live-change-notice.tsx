import { useState } from 'react';
import { useLiveEvent } from '../../api/live-events';

/**
 * Says, as it happens, that someone (a person, an agent's run, a workflow) changed an entry of this
 * space; the page's lists refresh by themselves (context.* events mark them stale).
 */
export function LiveChangeNotice({ spaceId }: { spaceId: string }) {
  const [last, setLast] = useState<string | undefined>();
  useLiveEvent('context.entry.changed', (event) => {
    const data = event.data as { space_id?: string; key?: string; version?: number; deleted?: boolean };
    if (data.space_id !== spaceId) return;
    const what = data.deleted ? 'deleted' : `changed (version ${data.version ?? '?'})`;
    setLast(
      `${data.key ?? 'An entry'} ${what} via ${event.actor.via}, ${new Date(event.at).toLocaleTimeString()}`,
    );
  });
  return (
    <p role="status" className="mb-4 min-h-5 text-sm text-neutral-600 dark:text-neutral-400">
      {last && `Live: ${last}`}
    </p>
  );
}
