import { Link, useLocation } from 'react-router';
import { Spinner } from '../../../components/feedback';
import { SidebarGroup } from './conversation-group';
import { displayTitle, useMessageSearch } from './conversation-queries';

/** A search hit's passage with the matched words (between « and ») highlighted. */
export function Snippet({ text }: { text: string }) {
  return text.split(/(«[^»]*»)/).map((piece, index) =>
    piece.startsWith('«') && piece.endsWith('»') ? (
      <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-neutral-950">
        {piece.slice(1, -1)}
      </mark>
    ) : (
      piece
    ),
  );
}

/** The messages containing the searched words, each linking to its conversation. */
export function MessageHits({ query }: { query: string }) {
  const hits = useMessageSearch(query);
  const { search } = useLocation();
  return (
    <SidebarGroup heading="In messages" list={hits}>
      {hits.isPending && (
        <li className="px-3 py-2">
          <Spinner label="Searching messages" />
        </li>
      )}
      {hits.isSuccess && hits.items.length === 0 && (
        <li className="px-3 py-2 text-sm text-neutral-600 dark:text-neutral-400">
          No message mentions “{query}”.
        </li>
      )}
      {hits.items.map((hit) => (
        <li key={hit.message_id}>
          <Link
            to={{ pathname: `/chat/${hit.conversation_id}`, search }}
            className="block rounded-md px-3 py-2 text-neutral-900 no-underline hover:bg-neutral-100 hover:no-underline dark:text-neutral-100 dark:hover:bg-neutral-800"
          >
            <span className="block truncate text-sm font-medium">
              {displayTitle({ title: hit.conversation_title })}
            </span>
            <span className="line-clamp-2 text-xs text-neutral-600 dark:text-neutral-400">
              <span className="sr-only">{hit.role === 'user' ? 'You wrote: ' : 'Reply: '}</span>
              <Snippet text={hit.snippet} />
            </span>
          </Link>
        </li>
      ))}
    </SidebarGroup>
  );
}
