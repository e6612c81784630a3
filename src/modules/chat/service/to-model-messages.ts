import type { AssistantContent, ModelMessage, ToolContent } from 'ai';
import type { Part } from '../../conversations/index.js';
import type { HistoryMessage } from './prepare-turn.js';

type ToolPart = Extract<Part, { type: 'tool' }>;

/**
 * Stored messages as the model reads them, one group per stored message. An assistant reply with tool calls becomes the
 * alternation the providers expect: assistant (text, tool calls) → tool (results) → assistant …
 * A call that never finished reads as an error, so the history stays valid.
 */
export function modelMessageGroups(
  messages: readonly HistoryMessage[],
  { continuing }: { continuing?: string } = {},
): ModelMessage[][] {
  return messages.map((message): ModelMessage[] => {
    if (message.role === 'assistant') return assistantMessages(message.parts, message.id === continuing);
    const text = message.parts.map(userText).filter(Boolean).join('\n');
    return text ? [{ role: message.role, content: text }] : [];
  });
}

function userText(part: Part): string {
  if (part.type === 'text') return part.text;
  if (part.type === 'file')
    return `[file: ${part.name}${part.resource_id ? ` (document ${part.resource_id})` : ''}]`;
  return '';
}

/** `continuing`: this reply goes on now, so the user's answers to its approvals are passed on to run. */
function assistantMessages(parts: Part[], continuing: boolean): ModelMessage[] {
  const result: ModelMessage[] = [];
  let content: Exclude<AssistantContent, string> = [];
  let results: ToolContent = [];
  const flush = () => {
    if (content.length > 0) result.push({ role: 'assistant', content });
    if (results.length > 0) result.push({ role: 'tool', content: results });
    content = [];
    results = [];
  };
  for (const part of parts) {
    if (part.type === 'text' && part.text) {
      if (results.length > 0) flush();
      content.push({ type: 'text', text: part.text });
    } else if (part.type === 'tool') {
      content.push({
        type: 'tool-call',
        toolCallId: part.tool_call_id,
        toolName: part.tool,
        input: part.input,
      });
      if (part.approval_id) {
        content.push({
          type: 'tool-approval-request',
          approvalId: part.approval_id,
          toolCallId: part.tool_call_id,
        });
      }
      results.push(...toolOutcome(part, continuing));
    }
  }
  flush();
  return result;
}

function toolOutcome(part: ToolPart, continuing: boolean): ToolContent {
  const base = { toolCallId: part.tool_call_id, toolName: part.tool };
  switch (part.state) {
    case 'success':
      return [
        { type: 'tool-result', ...base, output: { type: 'json', value: (part.output ?? null) as never } },
      ];
    case 'error':
      return [
        { type: 'tool-result', ...base, output: { type: 'error-text', value: part.error ?? 'failed' } },
      ];
    case 'denied':
      return [
        {
          type: 'tool-result',
          ...base,
          output: { type: 'execution-denied', reason: 'The user refused this call' },
        },
      ];
    case 'awaiting_approval':
      if (part.approved !== undefined && !continuing) {
        // Answered, but the reply was cut off before the call ran: for the model it never ran.
        return [
          { type: 'tool-result', ...base, output: { type: 'error-text', value: 'The call was interrupted' } },
        ];
      }
      return part.approval_id && part.approved !== undefined
        ? [{ type: 'tool-approval-response', approvalId: part.approval_id, approved: part.approved }]
        : [
            {
              type: 'tool-result',
              ...base,
              output: { type: 'execution-denied', reason: 'The user did not answer' },
            },
          ];
    case 'running':
      return [
        { type: 'tool-result', ...base, output: { type: 'error-text', value: 'The call was interrupted' } },
      ];
  }
}
