import { type ReactNode, useId } from 'react';
import { Button } from '../../../components/button';
import { ErrorNotice } from '../../../components/feedback';

/** A headed group of the sidebar ("Pinned", "Recent", "In messages") with "Load more" while the server has more. */
export function SidebarGroup({
  heading,
  list,
  children,
}: {
  heading: string;
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown; error: unknown };
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-3 first:mt-1">
      <h2
        id={headingId}
        className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400"
      >
        {heading}
      </h2>
      <ul className="flex flex-col gap-0.5">{children}</ul>
      <ErrorNotice error={list.error} className="mx-1 mt-2" />
      {list.hasNextPage && (
        <Button
          variant="ghost"
          size="sm"
          className="mt-1 w-full"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </section>
  );
}
