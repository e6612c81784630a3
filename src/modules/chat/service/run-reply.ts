import { InvalidToolInputError, NoSuchToolError, type UIMessageChunk } from 'ai';
import type { UserActor } from '../../../actor.js';
import type { Clock } from '../../../clock.js';
import type { Logger } from '../../../logger.js';
import {
  type ConversationService,
  type Message,
  type MessageMetrics,
  MessageNotFoundError,
} from '../../conversations/index.js';
import { actorFacts, addFacts, inSpan } from '../../../telemetry/spans.js';
import { ToolCallFailedError } from '../assistant-tools.js';
import type { ChatRun } from './chat-run.js';
import { describeChatError } from '../chat-errors.js';
import { createReplyParts } from './reply-parts.js';
import { type ModelCall, type ModelCallInput, startModelCall } from './model-call.js';

const saveEveryMs = 250;
/** A reply quiet this long (a slow tool) is saved anyway, so the stale-reply sweep knows it is alive. */
const heartbeatMs = 30_000;

/** A stored turn's reply and the run streaming it to its readers. */
export interface StoredReply {
  run: ChatRun;
  reply: Message;
}

export interface ReplyJob extends ModelCallInput {
  actor: UserActor;
  /**
   * The turn being stored. The model's call starts at once, but its requests wait for this (the
   * model is never called about a turn that was not stored); when it fails, nothing is sent and
   * nothing is stored.
   */
  turn: Promise<StoredReply>;
  inputTokens: number;
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
export async function runReply(job: ReplyJob, deps: ReplyDeps): Promise<ReplyStatus | undefined> {
  const facts = { ...actorFacts(job.actor), model: job.model.id };
  // The turn's span: the model's calls and the tools' are its children; no text is put on it.
  return inSpan('chat.turn', facts, async (span) => {
    const call = startModelCall(job, { until: job.turn, logger: deps.logger, onToolFailure: toolFailureIn });
    const stored = await job.turn.catch(() => undefined);
    if (!stored) {
      call.abort('the turn was not stored');
      return undefined;
    }
    addFacts(span, { conversationId: stored.run.conversationId });
    const status = await writeReply({ ...job, ...stored }, call, deps);
    addFacts(span, { status });
    return status;
  });
}

type ReplyStatus = 'error' | 'interrupted' | 'awaiting_approval' | 'complete';

interface ReplyDeps {
  conversations: ConversationService;
  clock: Clock;
  logger: Logger;
}

/** Writes the reply from the model's call; answers the status it was stored with. */
async function writeReply(
  job: Omit<ReplyJob, 'turn'> & StoredReply,
  call: ModelCall,
  { conversations, clock, logger }: ReplyDeps,
): Promise<ReplyStatus> {
  const { actor, run, reply, model } = job;
  call.follow(run.signal);
  const now = () => clock.now().getTime();
  const parts = createReplyParts({ parts: reply.parts, now });
  const started = now();
  let firstTokenAt: number | undefined;
  let failure: { code: string; message: string } | undefined;
  let errorSent = false;

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
  const { tally } = call;
  let usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } = {};
  try {
    for await (const chunk of call.chunks) {
      if (chunk.type === 'error') {
        failure = tally.lastFailure ?? { code: 'MODEL_ERROR', message: chunk.errorText };
        errorSent = true;
      }
      emit(chunk);
      if (chunk.type === 'abort') break;
    }
    if (!run.signal.aborted && !failure) usage = await call.totalUsage();
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
    tally.steps >= job.maxSteps &&
    tally.lastFinishReason === 'tool-calls'
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

function producesContent(chunk: UIMessageChunk): boolean {
  return chunk.type === 'text-delta' || chunk.type === 'reasoning-delta' || chunk.type === 'tool-input-start';
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
