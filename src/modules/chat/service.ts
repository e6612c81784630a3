import type { UserActor } from '../../actor.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { IdGenerator } from '../../ids.js';
import type { Logger } from '../../logger.js';
import type { ModelRegistry } from '../../models/registry.js';
import { estimateTokens } from '../../models/token-estimate.js';
import { loadTokenCounter } from '../../models/token-counter.js';
import type { ToolRunner } from '../../tools/tool-runner.js';
import type { ConversationService, Message } from '../conversations/index.js';
import type { UsersService } from '../identity/index.js';
import { assistantTools } from './assistant-tools.js';
import { mentionConsent, mentionedTool } from './service/mention.js';
import type { ChatRun, ReplyStream } from './service/chat-run.js';
import type { ChatRelay } from './service/chat-relay.js';
import { describeChatError } from './chat-errors.js';
import type { ExternalToolSource } from './external-tools.js';
import { fitContext, systemPrompt } from './service/context-window.js';
import { ChatBusyError } from './errors.js';
import {
  type HistoryMessage,
  newConversationHistory,
  prepareTurn,
  type Turn,
  turnModel,
} from './service/prepare-turn.js';
import { runReply } from './service/run-reply.js';
import { createRunRegistry } from './service/run-registry.js';
import type { ChatRequest, ChatResult } from './schema.js';
import { modelMessageGroups } from './service/to-model-messages.js';

/** Memories recalled for a turn: lines for the system prompt (none found: undefined), and their bookkeeping. */
export interface RecalledMemories {
  prompt: string | undefined;
  record(): Promise<void>;
}

export interface ChatServiceDeps {
  db: Database;
  ids: IdGenerator;
  /** This process's id, recorded on its claims. */
  processId: string;
  /** News about replies between the instances sharing the database. */
  relay: ChatRelay;
  conversations: ConversationService;
  models: ModelRegistry;
  tools: ToolRunner;
  users: UsersService;
  /** The tools of each user's own MCP servers. */
  externalTools: ExternalToolSource;
  config: Pick<
    Config,
    'chatHistoryMessages' | 'chatMaxSteps' | 'toolApproval' | 'chatReconnectGraceMs' | 'chatReplyLeaseMs'
  >;
  clock: Clock;
  logger: Logger;
  /**
   * The user's memories relevant to their message, as lines for the system prompt (long-term
   * memory; undefined when none is found), as many as fit the recall budget counted with
   * `countTokens` (the turn's model's counter); `record()` counts the recall once the reply has
   * used it. Undefined when recall is off.
   */
  recallMemories?: (
    actor: UserActor,
    message: string,
    countTokens: (text: string) => number,
  ) => Promise<RecalledMemories | undefined>;
  /** Called once a reply's run has ended, whatever its status (automatic memories). Never throws. */
  afterTurn?: (actor: UserActor, turn: { conversationId: string; replyId: string }) => Promise<unknown>;
}

/**
 * The assistant loop: a user's message (or an edit, a regeneration, an approval) becomes a stored
 * turn and a reply written by the model with the user's tools, streamed to whoever listens. The
 * conversation is claimed in the database first (one reply at a time, whichever instance is
 * asked); the user's message is stored before the model is called; the reply is stored as it
 * streams. An internal failure of the reply or its tools is reported under the id of the request
 * that asked.
 */
export function createChatService(deps: ChatServiceDeps) {
  const {
    conversations,
    models,
    tools,
    users,
    externalTools,
    config,
    clock,
    logger,
    recallMemories,
    afterTurn,
  } = deps;

  /** The memories recalled for a user's message (a failed recall: none). */
  async function recallFor(
    actor: UserActor,
    message: string,
    countTokens: (text: string) => number,
  ): Promise<RecalledMemories | undefined> {
    if (!recallMemories || !message) return undefined;
    return recallMemories(actor, message, countTokens).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not recall memories for a chat turn');
      return undefined;
    });
  }

  /** Counts a recall the reply has used; its failure costs the counters only. */
  function recordRecall(recalled: RecalledMemories | undefined): Promise<void> {
    return (recalled?.record() ?? Promise.resolve()).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not record a chat turn’s recall');
    });
  }

  /** The system prompt, with the recalled memories after it. */
  function systemFor(me: { name: string; email: string }, recalled: string | undefined) {
    const base = systemPrompt({ userName: me.name || me.email, now: clock.now() });
    return recalled ? `${base}\n\n${recalled}` : base;
  }
  const runs = createRunRegistry({
    ...deps,
    leaseMs: config.chatReplyLeaseMs,
    graceMs: config.chatReconnectGraceMs,
  });
  const needsApproval = (tool: { destructive?: boolean | undefined }) =>
    config.toolApproval === 'destructive' && tool.destructive === true;

  /** The last messages of the active branch; the reply being written only when it goes on after approvals. */
  async function historyFor(actor: UserActor, turn: Turn): Promise<Message[]> {
    const limit = config.chatHistoryMessages;
    const branch = await conversations.activeBranch(actor, turn.reply.conversation_id, { limit: limit + 1 });
    return (turn.continues ? branch : branch.filter((message) => message.id !== turn.reply.id)).slice(-limit);
  }

  /** A stored turn's history (and the reply it goes on with), read while a claim taken before it names its reply. */
  async function historyOfStored(actor: UserActor, turn: Turn, claimed: string | undefined) {
    const [history] = await Promise.all([
      historyFor(actor, turn),
      claimed ? runs.attach(claimed, turn.reply.id) : undefined,
    ]);
    return { history, continuing: turn.continues ? turn.reply.id : undefined };
  }

  /** The turn is stored but the model was never called: the reply says so (and its run, if any, ends). */
  async function failBeforeStart(
    actor: UserActor,
    turn: Turn,
    run: ChatRun | undefined,
    { error, requestId }: { error: unknown; requestId: string | undefined },
  ) {
    const failure = describeChatError(error, { logger, requestId });
    await conversations
      .updateMessage(actor, turn.reply.id, { status: 'error', error: failure })
      .catch((cause) => logger.error({ err: cause }, 'could not mark the reply failed'));
    run?.end();
  }

  return {
    /** Stores the turn and starts the reply; the run streams it. CHAT_BUSY while one is being written. */
    async start(
      actor: UserActor,
      request: ChatRequest,
      { requestId }: { requestId?: string } = {},
    ): Promise<ChatRun> {
      const existing = request.conversation_id
        ? await conversations.get(actor, request.conversation_id)
        : undefined;
      const claimed = existing ? await runs.claim({ conversationId: existing.id }) : undefined;
      if (existing && !claimed) throw new ChatBusyError(existing.id);
      let run: ChatRun | undefined;
      try {
        // What can fail without writing anything comes first; then the turn is stored.
        const model = await turnModel(request, { models, existing });
        // The built-in assistant's estimate, or a real tokenizer for a real model: the o200k
        // table holds ~20 MB, which a server with no model should never load.
        const countTokens = model.model.provider === 'offline' ? estimateTokens : await loadTokenCounter();
        // A new conversation is claimed by the statement that stores its first turn. It is sent
        // first: it is the longest (its inserts and their commit), and each read sent before it
        // would hold it back by the CPU of sending one statement.
        const storing = prepareTurn(actor, request, {
          conversations,
          model,
          existing,
          claimNew: runs.claimNew,
        });
        // Reads that write nothing go on while the turn is stored: the user, their own tools and
        // (a new message is the recall's query) their memories. A failed read marks the stored
        // reply failed below; a recall never fails (it is left out).
        const reading = Promise.all([users.me(actor), externalTools.toolsFor(actor)]);
        reading.catch(() => {});
        const recalling = request.message ? recallFor(actor, request.message, countTokens) : undefined;
        // The reply's run begins once the turn is stored; the model's requests wait for it.
        const stored = storing.then((turn) => {
          const runId = claimed ?? turn.runId;
          if (!runId) throw new Error('The turn was stored without a claim');
          run = runs.begin({ conversationId: turn.reply.conversation_id, replyId: turn.reply.id, runId });
          return { turn, run };
        });
        stored.catch(() => {});
        try {
          // A new conversation's history is its question: its reply starts while the turn is stored.
          // Any other is read from the stored turn, while the claim taken before it was stored
          // is given its reply (for other instances); approvals and a regeneration take their
          // recall's query from that history.
          const early = newConversationHistory(request, existing);
          const [[me, external], { history, continuing }] = await Promise.all([
            reading,
            early
              ? { history: early, continuing: undefined }
              : stored.then(({ turn }) => historyOfStored(actor, turn, claimed)),
          ]);
          const recalled = await (recalling ?? recallFor(actor, lastUserText(history), countTokens));
          const system = systemFor(me, recalled?.prompt);
          // "@writer …" asks that agent ("@editors …" that team): its tool is the first step's, and
          // the mention is the consent to that one call.
          const forceTool = mentionedTool(
            request.message,
            external.map((tool) => tool.name),
          );
          const toolSet = assistantTools({
            runner: tools,
            actor,
            external,
            needsApproval,
            consented: mentionConsent(forceTool),
            requestId,
          });
          const { messages, inputTokens } = fitContext({
            system,
            groups: modelMessageGroups(history, continuing ? { continuing } : {}),
            tools: toolSet,
            contextTokens: model.contextTokens,
            countTokens,
          });
          const replied = runReply(
            {
              actor,
              turn: stored.then(({ turn, run: begun }) => ({ run: begun, reply: turn.reply })),
              model,
              system,
              messages,
              inputTokens,
              requestId,
              providerOptions: { offline: assistantSettings(me, request) },
              forceTool,
              // The recall's bookkeeping waits until the model has answered: it is not needed before.
              afterFirstToken: () => recordRecall(recalled),
              tools: toolSet,
              maxSteps: config.chatMaxSteps,
            },
            { conversations, clock, logger },
          ).catch((error) => {
            logger.error({ err: error }, 'a reply could not be finished');
            run?.end();
          });
          const { turn, run: begun } = await stored;
          if (afterTurn)
            void replied.then(() =>
              afterTurn(actor, { conversationId: turn.reply.conversation_id, replyId: turn.reply.id }),
            );
          return begun;
        } catch (error) {
          // The turn was not stored: its own error is the answer. Stored: its reply says it failed.
          const { turn } = await stored;
          await failBeforeStart(actor, turn, run, { error, requestId });
          throw error;
        }
      } catch (error) {
        // Nothing runs: the claim taken before the turn is given back.
        if (!run && claimed)
          await runs
            .release(claimed)
            .catch((cause) => logger.error({ err: cause }, 'could not release a claim'));
        throw error;
      }
    },

    /** The reply being written in a conversation of the user's, on any instance (for reconnecting clients). */
    async active(actor: UserActor, conversationId: string): Promise<ReplyStream | undefined> {
      await conversations.get(actor, conversationId);
      return runs.active(conversationId);
    },

    /** Stops a reply, on any instance; it is stored as interrupted with what it has. Answers the stored reply. */
    async stop(actor: UserActor, messageId: string): Promise<Message> {
      const message = await conversations.message(actor, messageId);
      if (message.status === 'streaming')
        await runs.stop({ conversationId: message.conversation_id, replyId: messageId });
      return conversations.message(actor, messageId);
    },

    /** The stored outcome of a finished run, shaped for JSON clients. */
    async result(actor: UserActor, run: ChatRun): Promise<ChatResult> {
      await run.done;
      return chatResult(await conversations.message(actor, run.replyId));
    },

    /** Stops every reply in this process (shutdown), each stored as interrupted, and stops sweeping. */
    close: () => runs.close(),
  };
}

export type ChatService = ReturnType<typeof createChatService>;

/** The text of the newest user message of the history. */
function lastUserText(history: readonly HistoryMessage[]): string {
  const message = history.findLast((candidate) => candidate.role === 'user');
  return (message?.parts ?? [])
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join('\n')
    .trim();
}

function chatResult(reply: Message): ChatResult {
  return {
    conversation_id: reply.conversation_id,
    message_id: reply.id,
    status: reply.status === 'streaming' ? 'interrupted' : reply.status,
    response: reply.parts
      .filter((part) => part.type === 'text')
      .map((part) => part.text)
      .join(''),
    tool_calls: reply.parts.flatMap((part) =>
      part.type === 'tool'
        ? [
            {
              tool: part.tool,
              args: part.input,
              result: part.state === 'error' ? { error: part.error } : (part.output ?? null),
              status: part.state,
              ...(part.approval_id ? { approval_id: part.approval_id } : {}),
            },
          ]
        : [],
    ),
    error: reply.error,
  };
}

/** The built-in assistant's dates: the profile's time zone, else the browser's; the profile's week. */
function assistantSettings(
  me: { time_zone: string | null; week_start: string },
  request: ChatRequest,
): Record<string, string> {
  const timeZone = me.time_zone ?? request.time_zone;
  return { ...(timeZone ? { timeZone } : {}), weekStart: me.week_start };
}
