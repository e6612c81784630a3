import { useLocation } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, Spinner } from '../../components/feedback';
import { type DocumentFilters, useDocumentList } from './document-api';
import { DocumentRow } from './document-row';

/** The documents matching the search and kind, newest (or best match) first, with "Load more". */
export function DocumentList({ filters }: { filters: DocumentFilters }) {
  const { search } = useLocation();
  const list = useDocumentList(filters);
  const documents = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (list.isPending) return <Spinner label="Loading documents" />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (documents.length === 0)
    return filters.q || filters.kind ? (
      <EmptyState title="Nothing matches">Try other words, or all kinds.</EmptyState>
    ) : (
      <EmptyState title="No documents yet">
        Drop files here, upload them, add a web page or write a note. The assistant can search them all.
      </EmptyState>
    );
  return (
    <>
      <ul
        aria-label="Documents"
        className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900"
      >
        {documents.map((document) => (
          <DocumentRow key={document.id} document={document} search={search} />
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </>
  );
}
