import { type ReactNode, useEffect, useId, useRef } from 'react';
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
  const loadMore = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // Scrolling down to "Load more" loads the next page; the button stays for keyboards.
  useEffect(() => {
    const sentinel = loadMore.current;
    if (!sentinel || !hasNextPage || isFetchingNextPage || typeof IntersectionObserver === 'undefined')
      return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
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
      {hasNextPage && (
        <div ref={loadMore} className="mt-1">
          <Button
            variant="ghost"
            size="sm"
            className="w-full"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </section>
  );
}
