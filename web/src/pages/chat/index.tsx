import { useParams } from 'react-router';
import { ConversationSidebar } from './sidebar/conversation-sidebar';
import { ChatThread } from './thread/chat-thread';

/** The chat: the conversations on the left, the open one (or a new one) beside them. */
export function Component() {
  const { conversationId } = useParams();
  return (
    <div className="flex h-full min-h-0">
      <ConversationSidebar activeId={conversationId} />
      <ChatThread conversationId={conversationId} />
    </div>
  );
}
