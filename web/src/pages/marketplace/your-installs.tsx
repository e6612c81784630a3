import { Link } from 'react-router';
import { Button } from '../../components/button';
import { ErrorNotice, Spinner } from '../../components/feedback';
import { installedPath, useInstalls, useMarketMutations } from './marketplace-api';

/** What you installed, each linked to your copy; a newer version from its author is offered, never forced. */
export function YourInstalls() {
  const installs = useInstalls();
  const { update } = useMarketMutations();
  return (
    <section aria-label="Your installs" className="mt-8">
      <h2 className="mb-2 text-lg font-semibold">Your installs</h2>
      {installs.isPending ? (
        <Spinner label="Loading your installs" />
      ) : installs.isError ? (
        <ErrorNotice error={installs.error} />
      ) : installs.data.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">Nothing installed yet.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {installs.data.map((install) => (
            <li key={install.id} className="flex flex-wrap items-center gap-3 py-2">
              <Link to={installedPath(install)} className="flex-1">
                Your {install.kind} (version {install.installed_version})
              </Link>
              {install.listing_id === null && <span>withdrawn by its author</span>}
              {install.update_available && (
                <Button size="sm" disabled={update.isPending} onClick={() => update.mutate(install.id)}>
                  Update to version {install.latest_version}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice error={update.error} />
    </section>
  );
}
