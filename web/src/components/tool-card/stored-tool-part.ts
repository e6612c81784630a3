import type { ToolPart } from './tool-card';

/**
 * A tool call as the server stores it (a chat reply's tool part, an agent run's tool call): its id,
 * tool, input, state and result, with the approval asked and answered.
 */
export interface StoredToolCall {
  tool_call_id: string;
  tool: string;
  input?: unknown;
  state: 'running' | 'awaiting_approval' | 'success' | 'error' | 'denied';
  output?: unknown;
  error?: string | undefined;
  duration_ms?: number | undefined;
  approval_id?: string | undefined;
  approved?: boolean | undefined;
}

/** A stored tool call in the AI SDK's states, as the tool card draws it. */
export function toToolPart(part: StoredToolCall): ToolPart {
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
