import { useChat } from '@ai-sdk/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createThreadController } from './thread-controller';
import type { ThreadMessage } from './thread-message';

interface ThreadChatOptions {
  /** The conversation opened, or undefined for a new one. */
  conversationId: string | undefined;
  initialMessages: ThreadMessage[];
  /** The model picked for a new conversation. */
  model: string | undefined;
  onConversationStarted: (conversationId: string) => void;
  onRefused: (text: string) => void;
}

/**
 * The open conversation's chat for React: its messages and status as state, the actions on it,
 * and the last action's error. A reply still being written when the conversation opens is resumed.
 */
export function useThreadChat(options: ThreadChatOptions) {
  const queryClient = useQueryClient();
  const [controller] = useState(() =>
    createThreadController({
      conversationId: options.conversationId,
      initialMessages: options.initialMessages,
      queryClient,
    }),
  );
  const [streaming] = useState(() => options.initialMessages.at(-1)?.metadata?.status === 'streaming');
  const [actionError, setActionError] = useState<unknown>(null);
  const { model, onConversationStarted, onRefused } = options;
  useEffect(() => {
    controller.configure({ model, onConversationStarted, onRefused, onActionError: setActionError });
  }, [controller, model, onConversationStarted, onRefused]);
  useEffect(() => {
    if (streaming) controller.resume();
  }, [controller, streaming]);
  // Renders at most every 50 ms while text streams in: a fast model stays smooth.
  const { messages, status, error } = useChat<ThreadMessage>({
    chat: controller.chat,
    experimental_throttle: 50,
  });
  return {
    messages,
    status,
    error,
    busy: status === 'submitted' || status === 'streaming',
    actionError,
    send: controller.send,
    edit: controller.edit,
    regenerate: controller.regenerate,
    answer: controller.answer,
    switchTo: controller.switchTo,
    stop: controller.stop,
  };
}
