import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { TextField } from '../../components/field';
import { Time } from '../../components/time';
import { useContextMutations, useSpaces } from './context-api';

const roleWords = { owner: 'Yours', admin: 'Admin', write: 'Can write', read: 'Can read' } as const;

/** The context spaces you own or belong to (a workflow run's own space among them), and a form for a new one. */
export function SpaceList() {
  const spaces = useSpaces();
  const { createSpace } = useContextMutations();
  const navigate = useNavigate();
  const items = spaces.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Shared context"
        description="Notes that people, agents and workflow runs read and write together, every version kept."
      />
      <form
        aria-label="Create a space"
        className="mb-6 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const name = new FormData(form).get('name');
          if (typeof name !== 'string' || !name.trim()) return;
          createSpace.mutate(name.trim(), { onSuccess: (space) => navigate(`/context/${space.id}`) });
        }}
      >
        <TextField label="New space" name="name" required placeholder="Launch plan" className="min-w-64" />
        <Button type="submit" variant="primary" disabled={createSpace.isPending}>
          Create
        </Button>
      </form>
      <ErrorNotice error={createSpace.error} className="mb-4" />
      {spaces.isPending ? (
        <Spinner label="Loading spaces" />
      ) : spaces.isError ? (
        <ErrorNotice error={spaces.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No context spaces yet">
          Create one above; each workflow run that writes notes gets its own.
        </EmptyState>
      ) : (
        <ul
          aria-label="Spaces"
          className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900"
        >
          {items.map((space) => (
            <li key={space.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
              <Link to={`/context/${space.id}`} className="min-w-48 flex-1 font-medium">
                {space.name}
              </Link>
              {space.run && (
                <span className="text-sm text-neutral-600 dark:text-neutral-400">
                  {space.run.kind === 'workflow_run' ? (
                    <Link to={`/runs/${space.run.id}`}>a workflow run’s notes</Link>
                  ) : (
                    'a team run’s notes'
                  )}
                </span>
              )}
              <span className="text-sm">{roleWords[space.role]}</span>
              <Time value={space.updated_at} relativeToNow />
            </li>
          ))}
        </ul>
      )}
      {spaces.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void spaces.fetchNextPage()} disabled={spaces.isFetchingNextPage}>
            {spaces.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
