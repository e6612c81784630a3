import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNotice, Spinner } from '../../../components/feedback';
import { ChatSession } from './chat-session';
import { fetchMessages } from './conversation-api';
import { messagesKey } from './thread-message';
import { toUIMessages } from './to-ui-messages';

/**
 * The open conversation, or a new one. A new chat that the server gives an id moves to
 * /chat/<id> without being mounted again, so its reply keeps streaming.
 */
export function ChatThread({ conversationId }: { conversationId: string | undefined }) {
  const navigate = useNavigate();
  const [sessions, setSessions] = useState<{
    shownId: string | undefined;
    newKey: number;
    started?: { id: string; key: string };
  }>({ shownId: conversationId, newKey: 0 });
  // Going to a new chat from a conversation starts a fresh session (React's "adjust state on a
  // prop change" pattern); a new chat that just got its id keeps its session.
  if (sessions.shownId !== conversationId)
    setSessions({
      shownId: conversationId,
      newKey: conversationId === undefined ? sessions.newKey + 1 : sessions.newKey,
      // Once the user goes elsewhere, coming back reads the conversation like any other.
      ...(conversationId && conversationId === sessions.started?.id ? { started: sessions.started } : {}),
    });
  const newKey = `new-${sessions.newKey}`;
  const started = conversationId && sessions.started?.id === conversationId ? sessions.started : undefined;
  const onConversationStarted = (id: string) => {
    setSessions((current) => ({ ...current, started: { id, key: `new-${current.newKey}` } }));
    void navigate(`/chat/${encodeURIComponent(id)}`, { replace: true });
  };

  if (conversationId && !started)
    return (
      <StoredConversation
        key={conversationId}
        conversationId={conversationId}
        onConversationStarted={onConversationStarted}
      />
    );
  return (
    <ChatSession
      key={started?.key ?? newKey}
      conversationId={conversationId}
      initialMessages={[]}
      onConversationStarted={onConversationStarted}
    />
  );
}

/** A saved conversation: its active branch is read fresh, then the chat opens on it. */
function StoredConversation({
  conversationId,
  onConversationStarted,
}: {
  conversationId: string;
  onConversationStarted: (id: string) => void;
}) {
  const messages = useQuery({
    queryKey: messagesKey(conversationId),
    queryFn: () => fetchMessages(conversationId),
    refetchOnMount: 'always',
  });
  if (messages.data && messages.isFetchedAfterMount)
    return (
      <ChatSession
        conversationId={conversationId}
        initialMessages={toUIMessages(messages.data.items)}
        onConversationStarted={onConversationStarted}
      />
    );
  return (
    <section aria-label="Conversation" className="grid min-w-0 flex-1 place-items-center p-4">
      {messages.isError ? (
        <ErrorNotice error={messages.error} />
      ) : (
        <Spinner label="Loading the conversation" />
      )}
    </section>
  );
}
