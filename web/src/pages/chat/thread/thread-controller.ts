import { Chat } from '@ai-sdk/react';
import type { QueryClient } from '@tanstack/react-query';
import { lastAssistantMessageIsCompleteWithApprovalResponses } from 'ai';
import { ApiError } from '../../../api/client';
import { createChatTransport } from './chat-transport';
import { activateMessage, fetchMessages, stopReply } from './conversation-api';
import { messagesKey, type ThreadMessage } from './thread-message';
import { toUIMessages } from './to-ui-messages';

/** What the page is told and lets the controller know; replaced on every render. */
export interface ControllerSettings {
  /** The model picked for a new conversation. */
  model: string | undefined;
  /** A new conversation got its id from the server (its first reply's start). */
  onConversationStarted: (conversationId: string) => void;
  /** A message the server refused (busy, model not allowed …): its text, to put back in the composer. */
  onRefused: (text: string) => void;
  /** An action (switching branch, stopping …) failed, or null when a new one starts. */
  onActionError: (error: unknown) => void;
}

/**
 * One open conversation's chat, outside React: the AI SDK `Chat` on our transport, plus what the
 * server adds. After each reply the active branch is read back (stored ids, statuses, branches),
 * stop asks the server, approvals go on in the same reply, branches are switched on the server.
 */
export function createThreadController({
  conversationId,
  initialMessages,
  queryClient,
}: {
  conversationId: string | undefined;
  initialMessages: ThreadMessage[];
  queryClient: QueryClient;
}) {
  let currentId = conversationId;
  let replyId: string | undefined;
  /** The text of the message being sent (a new one or an edit), given back if the server refuses it. */
  let sending: string | undefined;
  let settings: ControllerSettings = {
    model: undefined,
    onConversationStarted: () => {},
    onRefused: () => {},
    onActionError: () => {},
  };

  const chat: Chat<ThreadMessage> = new Chat<ThreadMessage>({
    messages: initialMessages,
    transport: createChatTransport({
      conversationId: () => currentId,
      model: () => settings.model,
      onStart: (start) => {
        replyId = start.replyId;
        if (!currentId && start.conversationId) {
          currentId = start.conversationId;
          settings.onConversationStarted(start.conversationId);
        }
      },
    }),
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onFinish: ({ isError }) => {
      const refused = isError && chat.error instanceof ApiError;
      if (refused && sending !== undefined) settings.onRefused(sending);
      if (refused && !currentId) chat.messages = [];
      sending = undefined;
      void sync();
    },
  });

  /** Shows the stored active branch, unless another reply has started meanwhile. */
  async function sync() {
    const id = currentId;
    if (!id) return;
    try {
      const page = await queryClient.fetchQuery({
        queryKey: messagesKey(id),
        queryFn: () => fetchMessages(id),
        staleTime: 0,
      });
      if (chat.status === 'submitted' || chat.status === 'streaming') return;
      chat.messages = toUIMessages(page.items);
      // A reply that failed says so itself; the same words need not show twice.
      const failedReply = chat.messages.at(-1)?.metadata?.status === 'error';
      if (failedReply && !(chat.error instanceof ApiError)) chat.clearError();
    } catch (error) {
      settings.onActionError(error);
    }
    void queryClient.invalidateQueries({ queryKey: ['conversations'] });
  }

  const run = (action: () => Promise<unknown>) => {
    settings.onActionError(null);
    chat.clearError();
    action().catch((error: unknown) => settings.onActionError(error));
  };

  return {
    chat,
    configure: (next: ControllerSettings) => {
      settings = next;
    },
    /** Picks up the reply being written (opened while it streams); shows the stored one if it ended meanwhile. */
    resume: () =>
      run(async () => {
        await chat.resumeStream();
        await sync();
      }),
    send: (text: string) => {
      sending = text;
      run(() => chat.sendMessage({ text }));
    },
    /** The edit branches from the edited message's parent, beside it. */
    edit: (message: ThreadMessage, text: string) => {
      sending = text;
      run(() =>
        chat.sendMessage(
          { text, messageId: message.id },
          { body: { parent_id: message.metadata?.parent_id ?? null } },
        ),
      );
    },
    regenerate: (message: ThreadMessage) => run(() => chat.regenerate({ messageId: message.id })),
    answer: (approvalId: string, approved: boolean) =>
      run(async () => chat.addToolApprovalResponse({ id: approvalId, approved })),
    switchTo: (messageId: string) =>
      run(async () => {
        if (!currentId) return;
        await activateMessage(currentId, messageId);
        await sync();
      }),
    stop: () =>
      run(async () => {
        if (chat.status !== 'streaming' || !replyId) return chat.stop();
        // The server stops the model and ends the stream with the stored, interrupted reply.
        await stopReply(replyId).catch(async (error: unknown) => {
          await chat.stop();
          throw error;
        });
      }),
  };
}

export type ThreadController = ReturnType<typeof createThreadController>;
