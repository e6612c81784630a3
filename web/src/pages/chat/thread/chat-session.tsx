import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import type { Conversation } from '../../../api/conversations';
import { ErrorNotice } from '../../../components/feedback';
import { chatErrorMessage } from './chat-error';
import { Composer } from './composer';
import { EmptyThread } from './empty-thread';
import { MessageList } from './message-list';
import { ModelPicker } from './model-picker';
import { PromptDialog } from './prompt-dialog';
import { conversationKey, type ThreadMessage } from './thread-message';
import { useThreadChat } from './use-thread-chat';

/**
 * One conversation on screen: its title and model, the messages, the working indicator, errors
 * where they happened, and the composer with the prompt library.
 */
export function ChatSession({
  conversationId,
  initialMessages,
  onConversationStarted,
}: {
  conversationId: string | undefined;
  initialMessages: ThreadMessage[];
  onConversationStarted: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [promptOpen, setPromptOpen] = useState(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const promptParam = searchParams.get('prompt');

  const conversation = useQuery({
    queryKey: conversationKey(conversationId ?? ''),
    queryFn: () => api<Conversation>(`/api/v1/conversations/${encodeURIComponent(conversationId ?? '')}`),
    enabled: conversationId !== undefined,
  });
  const chat = useThreadChat({
    conversationId,
    initialMessages,
    model: picked,
    onConversationStarted,
    onRefused: (text) => setDraft((current) => current || text),
  });
  const changeModel = useMutation({
    mutationFn: (model: string) =>
      api(`/api/v1/conversations/${encodeURIComponent(conversationId ?? '')}`, {
        method: 'PATCH',
        body: { model },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['conversations'] }),
  });

  const fillComposer = (text: string) => {
    setDraft((current) => (current.trim() ? `${current}\n\n${text}` : text));
    setFocusRequest((count) => count + 1);
  };
  const closePrompts = () => {
    setPromptOpen(false);
    if (promptParam !== null)
      setSearchParams(
        (params) => {
          params.delete('prompt');
          return params;
        },
        { replace: true },
      );
  };

  return (
    <section aria-label="Conversation" className="flex h-full min-w-0 flex-1 flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b border-neutral-200 px-4 py-2 dark:border-neutral-800">
        <h1 className="min-w-0 flex-1 truncate font-semibold">{conversation.data?.title || 'New chat'}</h1>
        <ModelPicker
          value={picked ?? conversation.data?.model ?? undefined}
          disabled={chat.busy || changeModel.isPending}
          onChange={(model) => {
            setPicked(model);
            if (conversationId) changeModel.mutate(model);
          }}
        />
      </header>
      {chat.messages.length === 0 ? (
        <div className="min-h-0 flex-1 overflow-y-auto">
          <EmptyThread
            onPick={(text) => {
              setDraft(text);
              setFocusRequest((count) => count + 1);
            }}
          />
        </div>
      ) : (
        <MessageList
          messages={chat.messages}
          busy={chat.busy}
          actions={{
            onEdit: chat.edit,
            onRegenerate: chat.regenerate,
            onSwitch: chat.switchTo,
            onAnswer: chat.answer,
          }}
        />
      )}
      <div className="mx-auto w-full max-w-3xl space-y-2 px-4 pt-2 empty:hidden">
        {chat.busy && (
          <p role="status" className="flex items-center gap-2 text-sm text-neutral-700 dark:text-neutral-300">
            <span aria-hidden className="size-2 animate-pulse rounded-full bg-blue-600 dark:bg-blue-400" />
            Assistant is working…
          </p>
        )}
        {chat.error && <ErrorNotice error={new Error(chatErrorMessage(chat.error))} />}
        <ErrorNotice error={chat.actionError ?? changeModel.error} />
      </div>
      <Composer
        draft={draft}
        onDraftChange={setDraft}
        busy={chat.busy}
        focusRequest={focusRequest}
        onSend={(text) => {
          setDraft('');
          chat.send(text);
        }}
        onStop={chat.stop}
        onInsertPrompt={() => setPromptOpen(true)}
      />
      <PromptDialog
        open={promptOpen || promptParam !== null}
        initialPromptId={promptParam}
        onClose={closePrompts}
        onInsert={fillComposer}
      />
    </section>
  );
}
