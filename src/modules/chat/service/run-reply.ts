import {
  InvalidToolInputError,
  type ModelMessage,
  NoSuchToolError,
  type ToolSet,
  type UIMessageChunk,
} from 'ai';
import type { UserActor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import type { Logger } from '../../../logger.js';
import type { ResolvedModel } from '../../../models/registry.js';
import {
  type ConversationService,
  type Message,
  type MessageMetrics,
  MessageNotFoundError,
} from '../../conversations/index.js';
import { actorFacts, addFacts, inSpan } from '../../../telemetry/spans.js';
import { ToolCallFailedError } from '../assistant-tools.js';
import { type ChatRun, producesContent } from './chat-run.js';
import { describeChatError } from '../chat-errors.js';
import { createReplyParts } from './reply-parts.js';
import { streamAssistant } from './stream-assistant.js';

const saveEveryMs = 250;
/** A reply quiet this long (a slow tool) is saved anyway, so the stale-reply sweep knows it is alive. */
const heartbeatMs = 30_000;

export interface ReplyJob {
  actor: UserActor;
  run: ChatRun;
  reply: Message;
  model: ResolvedModel;
  system: string;
  messages: ModelMessage[];
  tools: ToolSet;
  maxSteps: number;
  inputTokens: number;
  /** The request that asked for the reply: an internal failure is reported under its id. */
  requestId?: string | undefined;
  /** Per-request settings for the model's provider (the built-in assistant's time zone). */
  providerOptions?: Record<string, Record<string, string>> | undefined;
  /** The tool the first step must call: the agent a message @mentions (`agent__<name>`). */
  forceTool?: string | undefined;
  /**
   * Work the reply does not wait for, begun once the model has answered (or has failed to): the
   * reply is stored in its final state after it.
   */
  afterFirstToken?: (() => Promise<unknown>) | undefined;
}

/**
 * Writes one assistant reply: streams the model through the tool loop into the run (for the
 * client) and into the stored reply (every 250 ms and at the end). However it ends — done, stopped,
 * the client gone, the model failing — the reply is stored with what was produced and a status.
 */
export async function runReply(job: ReplyJob, deps: ReplyDeps): Promise<void> {
  const facts = { ...actorFacts(job.actor), model: job.model.id, conversationId: job.run.conversationId };
  // The turn's span: the model's calls and the tools' are its children; no text is put on it.
  await inSpan('chat.turn', facts, async (span) => addFacts(span, { status: await writeReply(job, deps) }));
}

interface ReplyDeps {
  conversations: ConversationService;
  clock: Clock;
  logger: Logger;
}

/** Writes the reply; answers the status it was stored with. */
async function writeReply(
  job: ReplyJob,
  { conversations, clock, logger }: ReplyDeps,
): Promise<'error' | 'interrupted' | 'awaiting_approval' | 'complete'> {
  const { actor, run, reply, model } = job;
  const now = () => clock.now().getTime();
  const parts = createReplyParts({ parts: reply.parts, now });
  const started = now();
  let firstTokenAt: number | undefined;
  let failure: { code: string; message: string } | undefined;
  let errorSent = false;
  let lastFailure: { code: string; message: string } | undefined;

  let saving: Promise<unknown> = Promise.resolve();
  // The first save waits its 250 ms too: a write on the first token would delay that token.
  let lastSave = now();
  const save = (changes: Parameters<ConversationService['updateMessage']>[2] = {}) => {
    lastSave = now();
    const snapshot = structuredClone(parts.parts());
    saving = saving
      .then(() => conversations.updateMessage(actor, reply.id, { parts: snapshot, ...changes }))
      .catch((error) => {
        // Deleted with its conversation while it was being written: nothing is left to write into.
        if (error instanceof MessageNotFoundError) return run.stop('the conversation was deleted');
        logger.error({ err: error, messageId: reply.id }, 'could not save the reply');
      });
    return saving;
  };

  let afterFirst: Promise<unknown> | undefined;
  const startAfterFirst = () => {
    afterFirst ??= job.afterFirstToken?.();
  };
  const emit = (chunk: UIMessageChunk) => {
    if (firstTokenAt === undefined && producesContent(chunk)) {
      firstTokenAt = now();
      // After this chunk has gone to the listeners.
      queueMicrotask(startAfterFirst);
    }
    run.push(chunk);
    if (parts.apply(chunk) && now() - lastSave >= saveEveryMs) void save();
  };

  const heartbeat = setInterval(() => void save(), heartbeatMs).unref();
  run.push({
    type: 'start',
    messageId: reply.id,
    messageMetadata: { conversation_id: run.conversationId, model: model.id },
  });
  let steps = 0;
  let lastFinishReason: string | undefined;
  let usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } = {};
  try {
    const result = streamAssistant({
      model,
      system: job.system,
      messages: job.messages,
      tools: job.tools,
      maxSteps: job.maxSteps,
      ...(job.providerOptions ? { providerOptions: job.providerOptions } : {}),
      forceTool: job.forceTool,
      signal: run.signal,
      onStepFinish: (step) => {
        steps += 1;
        lastFinishReason = step.finishReason;
      },
    });
    const stream = result.toUIMessageStream({
      sendStart: false,
      sendFinish: false,
      sendReasoning: true,
      // Called for a tool call's failure and for the model's alike; which it was shows in the
      // chunk that carries the text (a tool-…-error, or an error of the whole stream).
      onError: (error) => {
        const toolFailure = toolFailureIn(error);
        if (toolFailure) return toolFailure;
        lastFailure = describeChatError(error, { logger, requestId: job.requestId });
        return lastFailure.message;
      },
    });
    for await (const chunk of stream) {
      if (chunk.type === 'error') {
        failure = lastFailure ?? { code: 'MODEL_ERROR', message: chunk.errorText };
        errorSent = true;
      }
      emit(chunk);
      if (chunk.type === 'abort') break;
    }
    if (!run.signal.aborted && !failure) usage = await result.totalUsage;
  } catch (error) {
    if (!run.signal.aborted) failure = describeChatError(error, { logger, requestId: job.requestId });
  }

  clearInterval(heartbeat);
  startAfterFirst();
  await afterFirst;
  const awaiting = parts.awaitingApproval().length > 0;
  if (
    !run.signal.aborted &&
    !failure &&
    !awaiting &&
    steps >= job.maxSteps &&
    lastFinishReason === 'tool-calls'
  ) {
    emitText(
      emit,
      `I stopped after ${job.maxSteps} steps, the most one reply may take. Say "go on" to let me continue.`,
    );
  }
  if (run.signal.aborted) parts.closeRunning('The reply was stopped before this call finished');
  // A run that outlived its lease (it stalled) finds its reply interrupted by the sweep, maybe
  // continued by a newer run, or interrupted when it gives its claim up: it stores nothing more.
  const holdsClaim = await run.holdsClaim().catch(() => true);
  const status = !holdsClaim
    ? 'interrupted'
    : failure
      ? 'error'
      : run.signal.aborted
        ? 'interrupted'
        : awaiting
          ? 'awaiting_approval'
          : 'complete';
  const metrics = measure({ started, firstTokenAt, finished: now(), usage, inputTokens: job.inputTokens });
  if (holdsClaim) await save({ status, metrics, error: failure ?? null, model: model.id });
  else await saving;
  if (failure && !errorSent) run.push({ type: 'error', errorText: failure.message });
  run.push({ type: 'finish', messageMetadata: { status, metrics } });
  run.end();
  return status;
}

/**
 * A tool call's failure, in words for its card (the reply goes on): the tool refused, or the model
 * asked for a tool that does not exist or with arguments that do not parse. Anything else is the
 * model or the stream failing.
 */
function toolFailureIn(error: unknown): string | undefined {
  // The SDK reports the failed call once more, as its text, on the call's output.
  if (typeof error === 'string') return error;
  if (error instanceof ToolCallFailedError) return error.message;
  if (error instanceof Error && error.cause instanceof ToolCallFailedError) return error.cause.message;
  if (NoSuchToolError.isInstance(error)) return `TOOL_NOT_FOUND: there is no tool named ${error.toolName}`;
  if (InvalidToolInputError.isInstance(error))
    return `INVALID_INPUT: the arguments for ${error.toolName} do not parse`;
  return undefined;
}

/** Appends a whole text part (used for the reply's own notes, such as the step limit). */
function emitText(emit: (chunk: UIMessageChunk) => void, text: string) {
  const id = 'step-limit-note';
  emit({ type: 'text-start', id });
  emit({ type: 'text-delta', id, delta: `\n\n${text}` });
  emit({ type: 'text-end', id });
}

function measure({
  started,
  firstTokenAt,
  finished,
  usage,
  inputTokens,
}: {
  started: number;
  firstTokenAt: number | undefined;
  finished: number;
  usage: { inputTokens?: number | undefined; outputTokens?: number | undefined };
  inputTokens: number;
}): MessageMetrics {
  const outputTokens = usage.outputTokens ?? null;
  const generatingMs = firstTokenAt === undefined ? 0 : finished - firstTokenAt;
  return {
    input_tokens: usage.inputTokens ?? inputTokens,
    output_tokens: outputTokens,
    time_to_first_token_ms: firstTokenAt === undefined ? null : firstTokenAt - started,
    total_ms: finished - started,
    tokens_per_second:
      outputTokens !== null && generatingMs > 0
        ? Math.round((outputTokens / generatingMs) * 10_000) / 10
        : null,
  };
}
