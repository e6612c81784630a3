import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { VersionInfo } from '@server/http/version-routes';
import { api } from '../api/client';
import { Dialog } from '../components/dialog';
import { ErrorNotice, Spinner } from '../components/feedback';
import { Time } from '../components/time';
import { Icon } from './icons';

/** "About Switchboard" in the account area of the navigation: opens the About box. */
export function AboutButton({ className }: { className: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        <Icon name="info" />
        About Switchboard
      </button>
      <Dialog open={open} title="About Switchboard" onClose={() => setOpen(false)}>
        {open && <AboutDetails />}
      </Dialog>
    </>
  );
}

/** The version, commit and Node.js version of the instance that answered, and when it started. */
export function AboutDetails() {
  const info = useQuery({ queryKey: ['version'], queryFn: () => api<VersionInfo>('/api/v1/version') });
  if (info.isPending) return <Spinner label="Loading the version" />;
  if (info.isError) return <ErrorNotice error={info.error} />;
  const rows: [string, React.ReactNode][] = [
    ['Version', info.data.version],
    ['Commit', <code key="commit">{info.data.commit}</code>],
    ['Node.js', info.data.node],
    ['Started', <Time key="started" value={info.data.started_at} />],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-neutral-600 dark:text-neutral-400">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
