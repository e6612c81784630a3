import { createHash } from 'node:crypto';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import type { Clock } from '../../clock.js';
import { estimateTokens } from '../../models/token-estimate.js';
import { isTimeZone } from '../../time-zone.js';
import { readConversation } from './conversation.js';
import { decide } from './decide.js';
import type { PlannedCall, Step, WeekStart } from './plan-context.js';
import { loadLibraries } from './libraries.js';

/** The prompt as text, for counting its tokens: messages, tool inputs and results (files by name only). */
function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .flatMap((message) =>
      typeof message.content === 'string'
        ? [message.content]
        : message.content.map((part) => {
            if (part.type === 'text' || part.type === 'reasoning') return part.text;
            if (part.type === 'tool-call') return `${part.toolName} ${JSON.stringify(part.input)}`;
            if (part.type === 'tool-result') return JSON.stringify(part.output);
            if (part.type === 'file') return part.filename ?? part.mediaType;
            return '';
          }),
    )
    .join('\n');
}

/** A short stable id from the prompt: the same conversation gets the same ids. */
function idFrom(prompt: LanguageModelV3Prompt): string {
  const json = JSON.stringify(prompt, (_key, value: unknown) =>
    value instanceof Uint8Array ? `bytes:${createHash('sha256').update(value).digest('hex')}` : value,
  );
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

/** A reply cut into words, each with the whitespace after it, so the deltas join back to the reply. */
export function wordsOf(text: string): string[] {
  const words = text.match(/\S+\s*/g) ?? [];
  const leading = /^\s+/.exec(text)?.[0];
  if (leading && words.length > 0) words[0] = `${leading}${words[0]}`;
  return words.length > 0 ? words : [text];
}

function usage(inputTokens: number, outputTokens: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  };
}

const finishReason = (step: Step): LanguageModelV3FinishReason =>
  step.type === 'reply' ? { unified: 'stop', raw: 'stop' } : { unified: 'tool-calls', raw: 'tool-calls' };

/** The calls a step makes, and what it says (before them). */
function partsOf(step: Step): { calls: readonly PlannedCall[]; text: string | undefined } {
  if (step.type === 'call') return { calls: [step], text: undefined };
  if (step.type === 'calls') return { calls: step.calls, text: step.text };
  return { calls: [], text: step.text };
}

/** The user's time zone and first day of the week for one request (`providerOptions.offline`). */
function requestSettings(options: LanguageModelV3CallOptions): { timeZone?: string; weekStart?: WeekStart } {
  const settings = options.providerOptions?.offline ?? {};
  const timeZone =
    typeof settings.timeZone === 'string' && isTimeZone(settings.timeZone) ? settings.timeZone : undefined;
  const weekStart =
    settings.weekStart === 'sunday' || settings.weekStart === 'monday' ? settings.weekStart : undefined;
  return { ...(timeZone ? { timeZone } : {}), ...(weekStart ? { weekStart } : {}) };
}

/**
 * Switchboard's built-in assistant for when no language model is configured: an AI SDK language
 * model that reads plain-English requests with a table of phrasings and answers with the user's
 * tools — one tool call per step, then a reply that puts the results in words. Deterministic: the
 * same prompt gives the same output. Dates ("tomorrow") are read in `timeZone` (default: the
 * server's; a request's `providerOptions.offline.timeZone` wins), relative to `clock`; weeks start
 * on `weekStart`.
 */
export function createOfflineModel({
  clock,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  weekStart = 'monday',
}: {
  clock: Clock;
  timeZone?: string;
  weekStart?: WeekStart;
}): LanguageModelV3 {
  async function respond(options: LanguageModelV3CallOptions) {
    await loadLibraries();
    const toolNames = new Set(
      options.toolChoice?.type === 'none'
        ? []
        : (options.tools ?? []).filter((tool) => tool.type === 'function').map((tool) => tool.name),
    );
    const step = decide({
      conversation: readConversation(options.prompt),
      toolNames,
      now: clock.now(),
      timeZone,
      weekStart,
      ...requestSettings(options),
    });
    const id = idFrom(options.prompt);
    const { calls, text } = partsOf(step);
    const output = [
      text ?? '',
      ...calls.map((planned) => `${planned.toolName} ${JSON.stringify(planned.input)}`),
    ].join('\n');
    return {
      step,
      id,
      // Estimated: it reads phrasings, not tokens, and no one is charged for them.
      usage: usage(estimateTokens(promptText(options.prompt)), estimateTokens(output)),
      response: { id: `offline-${id}`, modelId: 'assistant', timestamp: clock.now() },
    };
  }

  const toolCalls = (step: Step, id: string) =>
    partsOf(step).calls.map(
      (planned, index) =>
        ({
          type: 'tool-call',
          toolCallId: index === 0 ? `call_${id}` : `call_${id}_${index}`,
          toolName: planned.toolName,
          input: JSON.stringify(planned.input),
        }) as const,
    );

  return {
    specificationVersion: 'v3',
    provider: 'offline',
    modelId: 'assistant',
    supportedUrls: {},

    async doGenerate(options) {
      const { step, id, usage, response } = await respond(options);
      const { text } = partsOf(step);
      const content: LanguageModelV3Content[] = [
        ...(text === undefined ? [] : [{ type: 'text' as const, text }]),
        ...toolCalls(step, id),
      ];
      return { content, finishReason: finishReason(step), usage, response, warnings: [] };
    },

    async doStream(options) {
      const { step, id, usage, response } = await respond(options);
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'response-metadata', ...response },
      ];
      const { text } = partsOf(step);
      if (text !== undefined) {
        const textId = `text_${id}`;
        parts.push({ type: 'text-start', id: textId });
        for (const word of wordsOf(text)) parts.push({ type: 'text-delta', id: textId, delta: word });
        parts.push({ type: 'text-end', id: textId });
      }
      parts.push(...toolCalls(step, id));
      parts.push({ type: 'finish', usage, finishReason: finishReason(step) });
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
