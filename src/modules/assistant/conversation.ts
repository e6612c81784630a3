import type {
  LanguageModelV3FilePart,
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
} from '@ai-sdk/provider';

/** What became of one tool call: its output, the error it failed with, a refusal, or nothing yet. */
export type ToolResult =
  | { readonly kind: 'output'; readonly value: unknown }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'denied'; readonly reason?: string | undefined };

/** One tool call of a turn and its result. */
export interface ToolOutcome {
  readonly toolCallId: string;
  readonly toolName: string;
  readonly input: Record<string, unknown>;
  readonly result: ToolResult | undefined;
}

/** A user message and the tool calls the assistant made for it, in order. */
export interface Turn {
  /** The text parts of the user message, joined by blank lines. */
  readonly text: string;
  /** Files sent with the message (an image to read, a PDF). */
  readonly files: readonly LanguageModelV3FilePart[];
  readonly outcomes: readonly ToolOutcome[];
  /** What the assistant wrote for it (its text parts, joined by blank lines). */
  readonly reply: string;
}

/** The conversation as turns: the current one (the latest user message) and the ones before it. */
export interface Conversation {
  readonly turn: Turn | undefined;
  readonly earlier: readonly Turn[];
  readonly system: string;
}

function resultOf(output: LanguageModelV3ToolResultOutput): ToolResult {
  switch (output.type) {
    case 'json':
      return { kind: 'output', value: output.value };
    case 'text':
      return { kind: 'output', value: output.value };
    case 'content':
      return { kind: 'output', value: output.value };
    case 'error-text':
      return { kind: 'error', message: output.value };
    case 'error-json':
      return { kind: 'error', message: JSON.stringify(output.value) };
    case 'execution-denied':
      return { kind: 'denied', reason: output.reason };
  }
}

interface OpenTurn {
  text: string[];
  reply: string[];
  files: LanguageModelV3FilePart[];
  outcomes: Map<
    string,
    { toolCallId: string; toolName: string; input: Record<string, unknown>; result?: ToolResult }
  >;
}

function inputOf(input: unknown): Record<string, unknown> {
  if (typeof input === 'string') {
    try {
      return inputOf(JSON.parse(input));
    } catch {
      return {};
    }
  }
  return input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}

function close(open: OpenTurn): Turn {
  return {
    text: open.text.join('\n\n'),
    files: open.files,
    reply: open.reply.join('\n\n'),
    outcomes: [...open.outcomes.values()].map(({ result, ...call }) => ({ ...call, result })),
  };
}

/**
 * Reads an AI SDK prompt as turns: each user message opens one, and the assistant's tool calls
 * and the tool results after it (paired by tool call id) belong to it.
 */
export function readConversation(prompt: LanguageModelV3Prompt): Conversation {
  const turns: Turn[] = [];
  const system: string[] = [];
  let open: OpenTurn | undefined;
  const record = (toolCallId: string, toolName: string, result: ToolResult) => {
    const outcome = open?.outcomes.get(toolCallId);
    if (outcome) outcome.result = result;
    else open?.outcomes.set(toolCallId, { toolCallId, toolName, input: {}, result });
  };
  for (const message of prompt) {
    if (message.role === 'system') system.push(message.content);
    else if (message.role === 'user') {
      if (open) turns.push(close(open));
      open = { text: [], reply: [], files: [], outcomes: new Map() };
      for (const part of message.content) {
        if (part.type === 'text') open.text.push(part.text);
        else open.files.push(part);
      }
    } else if (message.role === 'assistant') {
      for (const part of message.content) {
        if (part.type === 'text') open?.reply.push(part.text);
        else if (part.type === 'tool-call')
          open?.outcomes.set(part.toolCallId, {
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            input: inputOf(part.input),
          });
        else if (part.type === 'tool-result') record(part.toolCallId, part.toolName, resultOf(part.output));
      }
    } else {
      for (const part of message.content)
        if (part.type === 'tool-result') record(part.toolCallId, part.toolName, resultOf(part.output));
    }
  }
  return { turn: open && close(open), earlier: turns, system: system.join('\n\n') };
}
