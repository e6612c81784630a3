import type { UpdateConversationInput } from '@server/modules/conversations/schema';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../../api/client';
import type { Conversation, ConversationPage, MessageHit } from '../../../api/conversations';
import { useToast } from '../../../components/toast';
import { useHiddenConversations } from './pending-deletes';
import { useCursorList } from './use-cursor-list';

/** Which conversations a list shows: archived or not, pinned or not (either when left out), titles matching `query`. */
export interface ListFilters {
  archived: boolean;
  pinned?: boolean;
  query: string;
}

/** A passage of a message that matches a search, matches between « and ». */
export type { MessageHit };

export type ConversationChanges = Pick<UpdateConversationInput, 'title' | 'pinned' | 'archived'>;

// Every key starts with 'conversations': live events about conversations and messages refresh them.
const listsKey = ['conversations', 'list'] as const;
const pageSize = 30;

/** What the sidebar calls a conversation with no title yet. */
export const displayTitle = (conversation: { title: string }) => conversation.title || 'New conversation';

const belongs = (conversation: Conversation, filters: ListFilters) =>
  conversation.archived === filters.archived &&
  (filters.pinned === undefined || conversation.pinned === filters.pinned);

/** One list of the user's conversations, latest activity first, without those just deleted or moved out of it. */
export function useConversationList(filters: ListFilters, { enabled = true } = {}) {
  const hidden = useHiddenConversations();
  const list = useCursorList<Conversation>({
    queryKey: [...listsKey, filters],
    path: '/api/v1/conversations',
    query: { ...filters, limit: pageSize },
    enabled,
  });
  const items = list.items.filter(
    (conversation) => !hidden.has(conversation.id) && belongs(conversation, filters),
  );
  return { ...list, items };
}

/** Messages of the user's that contain `query`'s words, best match first. */
export function useMessageSearch(query: string) {
  const hidden = useHiddenConversations();
  const hits = useCursorList<MessageHit>({
    queryKey: ['conversations', 'search', query],
    path: '/api/v1/conversations/search',
    query: { query, limit: 20 },
    enabled: query !== '',
  });
  return { ...hits, items: hits.items.filter((hit) => !hidden.has(hit.conversation_id)) };
}

type ListData = InfiniteData<ConversationPage>;

function patchLists(data: ListData | undefined, id: string, changes: ConversationChanges) {
  if (!data) return data;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => (item.id === id ? { ...item, ...changes } : item)),
  }));
  return { ...data, pages };
}

/** Renames, pins or archives a conversation, showing the change at once and undoing it if the server refuses. */
export function useUpdateConversation() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ConversationChanges }) =>
      api<Conversation>(`/api/v1/conversations/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: changes,
      }),
    onMutate: async ({ id, changes }) => {
      await queryClient.cancelQueries({ queryKey: listsKey });
      const before = queryClient.getQueriesData<ListData>({ queryKey: listsKey });
      queryClient.setQueriesData<ListData>({ queryKey: listsKey }, (data) => patchLists(data, id, changes));
      return { before };
    },
    onError: (error, _variables, context) => {
      for (const [key, data] of context?.before ?? []) queryClient.setQueryData(key, data);
      toast({ tone: 'error', message: `The conversation was not changed: ${errorMessage(error)}` });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['conversations'] }),
  });
}
