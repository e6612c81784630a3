import type { ConversationMessage, MessagePart } from '../../../api/conversations';
import type { ThreadMessage } from './thread-message';

type UIPart = ThreadMessage['parts'][number];
type StoredToolPart = Extract<MessagePart, { type: 'tool' }>;

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

function toToolPart(part: StoredToolPart): UIPart {
  const base = {
    type: `tool-${part.tool}` as const,
    toolCallId: part.tool_call_id,
    input: part.input,
    ...(part.duration_ms !== undefined ? { toolMetadata: { duration_ms: part.duration_ms } } : {}),
  };
  const approvalId = part.approval_id ?? part.tool_call_id;
  switch (part.state) {
    case 'running':
      return { ...base, state: 'input-available' };
    case 'success':
      return { ...base, state: 'output-available', output: part.output };
    case 'error':
      return { ...base, state: 'output-error', errorText: part.error ?? 'The tool failed.' };
    case 'denied':
      return { ...base, state: 'output-denied', approval: { id: approvalId, approved: false } };
    case 'awaiting_approval':
      return part.approved === undefined
        ? { ...base, state: 'approval-requested', approval: { id: approvalId } }
        : { ...base, state: 'approval-responded', approval: { id: approvalId, approved: part.approved } };
  }
}
