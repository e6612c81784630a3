import type { ConversationMessage, MessagePart } from '../../../api/conversations';
import { toToolPart } from '../../../components/tool-card/stored-tool-part';
import type { ThreadMessage } from './thread-message';

type UIPart = ThreadMessage['parts'][number];

/**
 * Stored messages (the active branch, as GET …/messages answers) as the UI messages `useChat`
 * starts from: same ids, tool calls in the AI SDK's states, and the stored status, metrics, error
 * and branch kept in the metadata. System messages are not shown.
 */
export function toUIMessages(messages: ConversationMessage[]): ThreadMessage[] {
  return messages
    .filter((message) => message.role !== 'system')
    .map((message) => ({
      id: message.id,
      role: message.role,
      parts: message.parts.map(toUIPart),
      metadata: {
        conversation_id: message.conversation_id,
        model: message.model,
        status: message.status,
        metrics: message.metrics,
        error: message.error,
        parent_id: message.parent_id,
        branch: message.branch,
      },
    }));
}

function toUIPart(part: MessagePart): UIPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text, state: 'done' };
    case 'reasoning':
      return { type: 'reasoning', text: part.text, state: 'done' };
    case 'file':
      return {
        type: 'file',
        mediaType: part.media_type,
        filename: part.name,
        url: part.url ?? (part.resource_id ? `/api/v1/resources/${part.resource_id}/content` : ''),
      };
    case 'tool':
      return toToolPart(part);
  }
}
