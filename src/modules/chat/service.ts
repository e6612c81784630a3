import type { UserActor } from '../../actor.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ModelRegistry } from '../../models/registry.js';
import type { ToolRunner } from '../../tools/tool-runner.js';
import type { ConversationService, Message } from '../conversations/index.js';
import type { UsersService } from '../identity/index.js';
import { assistantTools } from './assistant-tools.js';
import { type ChatRun, createChatRun } from './service/chat-run.js';
import { describeChatError } from './chat-errors.js';
import type { ExternalToolSource } from './external-tools.js';
import { fitContext, systemPrompt } from './service/context-window.js';
import { ChatBusyError } from './errors.js';
import { prepareTurn, type Turn } from './service/prepare-turn.js';
import { runReply } from './service/run-reply.js';
import type { ChatRequest, ChatResult } from './schema.js';
import { modelMessageGroups } from './service/to-model-messages.js';

export interface ChatServiceDeps {
  conversations: ConversationService;
  models: ModelRegistry;
  tools: ToolRunner;
  users: UsersService;
  /** The tools of each user's own MCP servers. */
  externalTools: ExternalToolSource;
  config: Pick<Config, 'chatHistoryMessages' | 'chatMaxSteps' | 'toolApproval' | 'chatReconnectGraceMs'>;
  clock: Clock;
  logger: Logger;
}

/**
 * The assistant loop: a user's message (or an edit, a regeneration, an approval) becomes a stored
 * turn and a reply written by the model with the user's tools, streamed to whoever listens. The
 * user's message is stored before the model is called; the reply is stored as it streams. An
 * internal failure of the reply or its tools is reported under the id of the request that asked.
 */
export function createChatService(deps: ChatServiceDeps) {
  const { conversations, models, tools, users, externalTools, config, clock, logger } = deps;
  /** Replies being written in this process, by conversation id. */
  const running = new Map<string, ChatRun>();
  /** Conversations whose turn is being stored or whose reply is being written: one at a time. */
  const busy = new Set<string>();
  const needsApproval = (tool: { destructive?: boolean | undefined }) =>
    config.toolApproval === 'destructive' && tool.destructive === true;

  /** The last messages of the active branch; the reply being written only when it goes on after approvals. */
  async function historyFor(actor: UserActor, turn: Turn): Promise<Message[]> {
    const limit = config.chatHistoryMessages;
    const branch = await conversations.activeBranch(actor, turn.reply.conversation_id, { limit: limit + 1 });
    return (turn.continues ? branch : branch.filter((message) => message.id !== turn.reply.id)).slice(-limit);
  }

  /** Registers the reply's run; the conversation stays busy until the run ends. */
  function track(actor: UserActor, turn: Turn): ChatRun {
    const conversationId = turn.reply.conversation_id;
    const run = createChatRun({
      conversationId,
      replyId: turn.reply.id,
      ownerId: actor.userId,
      graceMs: config.chatReconnectGraceMs,
    });
    busy.add(conversationId);
    running.set(conversationId, run);
    void run.done.then(() => {
      running.delete(conversationId);
      busy.delete(conversationId);
    });
    return run;
  }

  /** The turn is stored but the model was never called: the reply says so, and the run ends. */
  async function failBeforeStart(
    actor: UserActor,
    turn: Turn,
    run: ChatRun,
    { error, requestId }: { error: unknown; requestId: string | undefined },
  ) {
    const failure = describeChatError(error, { logger, requestId });
    await conversations
      .updateMessage(actor, turn.reply.id, { status: 'error', error: failure })
      .catch((cause) => logger.error({ err: cause }, 'could not mark the reply failed'));
    run.end();
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
      if (existing && busy.has(existing.id)) throw new ChatBusyError(existing.id);
      if (existing) busy.add(existing.id);
      try {
        // What can fail without writing anything comes first; then the turn is stored.
        const [me, external] = await Promise.all([users.me(actor), externalTools.toolsFor(actor)]);
        const turn = await prepareTurn(actor, request, { conversations, models, existing });
        const run = track(actor, turn);
        try {
          const history = turn.history ?? (await historyFor(actor, turn));
          const system = systemPrompt({ userName: me.name || me.email, now: clock.now() });
          const toolSet = assistantTools({ runner: tools, actor, external, needsApproval, requestId });
          const { messages, inputTokens } = await fitContext({
            system,
            groups: modelMessageGroups(history, turn.continues ? { continuing: turn.reply.id } : {}),
            tools: toolSet,
            contextTokens: turn.model.contextTokens,
          });
          const job = {
            actor,
            run,
            reply: turn.reply,
            model: turn.model,
            system,
            messages,
            inputTokens,
            requestId,
          };
          void runReply(
            { ...job, tools: toolSet, maxSteps: config.chatMaxSteps },
            { conversations, clock, logger },
          ).catch((error) => {
            logger.error({ err: error }, 'a reply could not be finished');
            run.end();
          });
        } catch (error) {
          await failBeforeStart(actor, turn, run, { error, requestId });
          throw error;
        }
        return run;
      } finally {
        if (existing && !running.has(existing.id)) busy.delete(existing.id);
      }
    },

    /** The reply being written in a conversation of the user's, if any (for reconnecting clients). */
    async active(actor: UserActor, conversationId: string): Promise<ChatRun | undefined> {
      await conversations.get(actor, conversationId);
      return running.get(conversationId);
    },

    /** Stops a reply; it is stored as interrupted with what it has. Answers the stored reply. */
    async stop(actor: UserActor, messageId: string): Promise<Message> {
      const message = await conversations.message(actor, messageId);
      const run = running.get(message.conversation_id);
      if (run && run.replyId === messageId) {
        run.stop();
        await run.done;
      }
      return conversations.message(actor, messageId);
    },

    /** The stored outcome of a finished run, shaped for JSON clients. */
    async result(actor: UserActor, run: ChatRun): Promise<ChatResult> {
      await run.done;
      return chatResult(await conversations.message(actor, run.replyId));
    },

    /** Stops every reply in this process (shutdown); each is stored as interrupted. */
    async stopAll(): Promise<void> {
      const runs = [...running.values()];
      for (const run of runs) run.stop('the server is shutting down');
      await Promise.all(runs.map((run) => run.done));
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;

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
