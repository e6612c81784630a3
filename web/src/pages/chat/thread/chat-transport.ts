import { type ChatTransport, DefaultChatTransport, type UIMessageChunk } from 'ai';
import { ApiError, redirectToSignIn } from '../../../api/client';
import { browserTimeZone, type ExtraBody, toChatRequest } from './chat-request';
import type { ThreadMessage } from './thread-message';

interface TransportOptions {
  /** The open conversation, or undefined until the server starts one. */
  conversationId: () => string | undefined;
  /** The model picked for a new conversation (an existing one keeps its own). */
  model: () => string | undefined;
  /** Called with each reply's `start`: its id and the conversation it is in (a new one's id comes this way). */
  onStart: (start: { replyId: string; conversationId: string | undefined }) => void;
}

/**
 * The AI SDK transport for our chat API: the UI message stream over SSE from POST /api/v1/chat
 * (only the new message, edit, regeneration or approvals are sent), resumed from
 * GET /api/v1/chat/{conversation}/stream; refusals become ApiErrors with the server's message.
 */
export function createChatTransport(options: TransportOptions): ChatTransport<ThreadMessage> {
  const http = new DefaultChatTransport<ThreadMessage>({
    api: '/api/v1/chat',
    headers: { accept: 'text/event-stream' },
    fetch: chatFetch,
    prepareSendMessagesRequest: (request) => ({
      body: toChatRequest({
        trigger: request.trigger,
        messageId: request.messageId,
        messages: request.messages,
        body: request.body as ExtraBody | undefined,
        conversationId: options.conversationId(),
        model: options.model(),
        timeZone: browserTimeZone(),
      }),
    }),
    prepareReconnectToStreamRequest: () => {
      const id = options.conversationId();
      if (!id) throw new Error('There is no conversation to resume.');
      return { api: `/api/v1/chat/${encodeURIComponent(id)}/stream` };
    },
  });
  const watch = (stream: ReadableStream<UIMessageChunk>) =>
    stream.pipeThrough(
      new TransformStream<UIMessageChunk, UIMessageChunk>({
        transform(chunk, controller) {
          if (chunk.type === 'start' && chunk.messageId) {
            const metadata = chunk.messageMetadata as { conversation_id?: string } | undefined;
            options.onStart({ replyId: chunk.messageId, conversationId: metadata?.conversation_id });
          }
          controller.enqueue(chunk);
        },
      }),
    );
  return {
    sendMessages: async (request) => watch(await http.sendMessages(request)),
    reconnectToStream: async (request) => {
      const stream = await http.reconnectToStream(request);
      return stream ? watch(stream) : null;
    },
  };
}

/** fetch, with a refused request thrown as an ApiError (409 CHAT_BUSY, 400 MODEL_NOT_ALLOWED …). */
async function chatFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.ok) return response;
  if (response.status === 401) redirectToSignIn();
  const data = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string } } | undefined;
  throw new ApiError(
    response.status,
    data?.error?.code ?? `HTTP_${response.status}`,
    data?.error?.message ?? `The request failed (${response.status} ${response.statusText}).`,
  );
}
