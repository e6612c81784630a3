import type { Conversation } from '../../../api/conversations';
import { EmptyState, Spinner } from '../../../components/feedback';
import { SidebarGroup } from './conversation-group';
import { ConversationRow } from './conversation-row';
import { type ListFilters, useConversationList } from './conversation-queries';
import { MessageHits } from './message-hits';

export type SidebarView = 'active' | 'archived';

/**
 * The sidebar's lists: pinned conversations, then the others by latest activity (or the archived
 * ones); while searching, titles that match and, below them, the messages that do.
 */
export function ConversationLists({
  view,
  query,
  activeId,
  onDelete,
}: {
  view: SidebarView;
  query: string;
  activeId: string | undefined;
  onDelete: (conversation: Conversation) => void;
}) {
  const archived = view === 'archived';
  const pinned = useConversationList({ archived: false, pinned: true, query }, { enabled: !archived });
  const filters: ListFilters = archived
    ? { archived: true, query }
    : { archived: false, pinned: false, query };
  const others = useConversationList(filters);
  const pinnedItems = archived ? [] : pinned.items;
  const row = (conversation: Conversation) => (
    <ConversationRow
      key={conversation.id}
      conversation={conversation}
      active={conversation.id === activeId}
      onDelete={onDelete}
    />
  );

  const loading = others.isPending || (!archived && pinned.isPending);
  const empty = !loading && pinnedItems.length === 0 && others.items.length === 0 && !others.hasNextPage;
  return (
    <>
      {loading && (
        <p className="px-3 py-2">
          <Spinner label="Loading conversations" />
        </p>
      )}
      {empty && !others.error && <Empty view={view} query={query} />}
      {pinnedItems.length > 0 && (
        <SidebarGroup heading="Pinned" list={pinned}>
          {pinnedItems.map(row)}
        </SidebarGroup>
      )}
      {(others.items.length > 0 || others.error || others.hasNextPage) && (
        <SidebarGroup heading={archived ? 'Archived' : 'Recent'} list={others}>
          {others.items.map(row)}
        </SidebarGroup>
      )}
      {query && <MessageHits query={query} />}
    </>
  );
}

function Empty({ view, query }: { view: SidebarView; query: string }) {
  if (query)
    return (
      <p className="px-3 py-2 text-sm text-neutral-600 dark:text-neutral-400">
        No {view === 'archived' ? 'archived ' : ''}conversation title matches “{query}”.
      </p>
    );
  if (view === 'archived')
    return (
      <div className="mt-2">
        <EmptyState title="Nothing archived">
          Archive a conversation from its menu to keep it out of the way.
        </EmptyState>
      </div>
    );
  return (
    <div className="mt-2">
      <EmptyState title="No conversations yet">Start one with New chat.</EmptyState>
    </div>
  );
}
