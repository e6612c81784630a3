import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../../components/feedback';
import { Icon } from '../../../layout/icons';
import { type LibraryFilters, listPrompts, promptKeys } from '../prompt-api';
import { PromptCard } from './prompt-card';
import { SearchBox } from './search-box';
import { TagChips } from './tag-chips';

/** The prompt library: yours and the shared ones, newest first, searched and filtered by tag from the URL. */
export function PromptLibrary() {
  const [params, setParams] = useSearchParams();
  const filters: LibraryFilters = { q: params.get('q') || undefined, tag: params.get('tag') || undefined };
  const prompts = useInfiniteQuery({
    queryKey: promptKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listPrompts(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = prompts.data?.pages.flatMap((page) => page.items) ?? [];
  const tags = [...new Set([...(filters.tag ? [filters.tag] : []), ...items.flatMap((item) => item.tags)])];

  const setFilter = (key: keyof LibraryFilters, value: string | undefined, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace },
    );

  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Prompts"
        description="Templates with arguments: yours and the ones shared on this instance."
        actions={
          <Link
            to="/prompts/new"
            className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800 hover:no-underline dark:bg-blue-500 dark:text-neutral-950 dark:hover:bg-blue-400"
          >
            <Icon name="plus" className="size-4" />
            New prompt
          </Link>
        }
      />
      <div className="mb-4 flex flex-col gap-3">
        <SearchBox
          value={filters.q ?? ''}
          onSearch={(q, { replace }) => {
            // Typing refines a search in place; starting one from the whole library is a step back can undo.
            if (q !== (filters.q ?? '')) setFilter('q', q, replace && Boolean(filters.q));
          }}
        />
        <TagChips tags={tags} selected={filters.tag} onSelect={(tag) => setFilter('tag', tag)} />
      </div>
      <ErrorNotice error={prompts.error} className="mb-4" />
      {prompts.isPending && <Spinner label="Loading prompts" />}
      {prompts.isSuccess && items.length === 0 && (
        <EmptyState title={filters.q || filters.tag ? 'No prompt matches' : 'No prompts yet'}>
          {filters.q || filters.tag ? (
            'Try other words, or clear the filters.'
          ) : (
            <Link to="/prompts/new">New prompt</Link>
          )}
        </EmptyState>
      )}
      <ul className="grid gap-3 md:grid-cols-2" aria-label="Prompts">
        {items.map((prompt) => (
          <PromptCard key={prompt.id} prompt={prompt} />
        ))}
      </ul>
      {prompts.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => prompts.fetchNextPage()} disabled={prompts.isFetchingNextPage}>
            {prompts.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
