import type { UIMessageChunk } from 'ai';
import type { Part } from '../../conversations/index.js';

type ToolPart = Extract<Part, { type: 'tool' }>;

/**
 * Builds a reply's stored parts from the UI message stream, chunk by chunk: text and reasoning
 * deltas join their part, each tool call is one part that moves from running to success, error,
 * awaiting_approval or denied, with how long it ran.
 */
export function createReplyParts({ parts = [], now }: { parts?: Part[]; now: () => number }) {
  const current: Part[] = structuredClone(parts);
  const openText = new Map<string, Extract<Part, { type: 'text' | 'reasoning' }>>();
  const toolStarted = new Map<string, number>();

  const tool = (toolCallId: string): ToolPart | undefined =>
    current.find((part): part is ToolPart => part.type === 'tool' && part.tool_call_id === toolCallId);
  const finishTool = (toolCallId: string, changes: Partial<ToolPart>) => {
    const part = tool(toolCallId);
    if (!part) return;
    Object.assign(part, changes);
    const started = toolStarted.get(toolCallId);
    if (started !== undefined) part.duration_ms = now() - started;
  };

  return {
    parts: (): Part[] => current,

    /** Applies one chunk; answers whether the stored reply changed. */
    apply(chunk: UIMessageChunk): boolean {
      switch (chunk.type) {
        case 'text-start':
        case 'reasoning-start': {
          const part = { type: chunk.type === 'text-start' ? 'text' : 'reasoning', text: '' } as const;
          const added = { ...part };
          current.push(added);
          openText.set(chunk.id, added);
          return false;
        }
        case 'text-delta':
        case 'reasoning-delta': {
          const part = openText.get(chunk.id);
          if (!part) return false;
          part.text += chunk.delta;
          return true;
        }
        case 'tool-input-available':
        case 'tool-input-error': {
          const existing = tool(chunk.toolCallId);
          const part: ToolPart = existing ?? {
            type: 'tool',
            tool_call_id: chunk.toolCallId,
            tool: chunk.toolName,
            input: chunk.input,
            state: 'running',
          };
          part.input = chunk.input;
          if (!existing) current.push(part);
          toolStarted.set(chunk.toolCallId, now());
          if (chunk.type === 'tool-input-error')
            finishTool(chunk.toolCallId, { state: 'error', error: chunk.errorText });
          return true;
        }
        case 'tool-approval-request': {
          const part = tool(chunk.toolCallId);
          if (!part) return false;
          part.state = 'awaiting_approval';
          part.approval_id = chunk.approvalId;
          return true;
        }
        case 'tool-output-available':
          if (chunk.preliminary) return false;
          finishTool(chunk.toolCallId, { state: 'success', output: storable(chunk.output) });
          return true;
        case 'tool-output-error':
          // A call whose input already failed is reported again here; the first reason stands.
          if (tool(chunk.toolCallId)?.state === 'error') return false;
          finishTool(chunk.toolCallId, { state: 'error', error: chunk.errorText });
          return true;
        case 'tool-output-denied':
          finishTool(chunk.toolCallId, { state: 'denied' });
          return true;
        case 'file':
          current.push({ type: 'file', name: chunk.url, media_type: chunk.mediaType, url: chunk.url });
          return true;
        default:
          return false;
      }
    },

    /** Tool calls still waiting for the user's yes or no. */
    awaitingApproval: (): ToolPart[] =>
      current.filter((part): part is ToolPart => part.type === 'tool' && part.state === 'awaiting_approval'),

    /**
     * Marks calls cut off mid-run (a stop, a crash of the model stream) so the record is not left
     * "running" — including approved calls that had not started, and refused ones not yet reported.
     */
    closeRunning(reason: string) {
      for (const part of current) {
        if (part.type !== 'tool') continue;
        const answered = part.state === 'awaiting_approval' && part.approved !== undefined;
        if (part.state === 'running' || (answered && part.approved)) {
          finishTool(part.tool_call_id, { state: 'error', error: reason });
        } else if (answered) {
          finishTool(part.tool_call_id, { state: 'denied' });
        }
      }
    },

    /** The reply's text, every text part joined. */
    text: (): string =>
      current
        .filter((part) => part.type === 'text')
        .map((part) => part.text)
        .join(''),
  };
}

export type ReplyParts = ReturnType<typeof createReplyParts>;

/** The most of one tool result kept in the stored reply (a message holds at most 4 MB). */
const largestStoredOutput = 256 * 1024;

/**
 * A tool result as stored: whole, or — past 256 KB (a large page from an external server) — a
 * preview saying how big it was. The model still read it whole in the turn that called it.
 */
function storable(output: unknown): unknown {
  const text = JSON.stringify(output) ?? 'null';
  if (text.length <= largestStoredOutput) return output;
  return { truncated: true, size_bytes: Buffer.byteLength(text), preview: text.slice(0, 2000) };
}
