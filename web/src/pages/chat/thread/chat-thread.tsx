/** The open conversation (being built). */
export function ChatThread({ conversationId }: { conversationId: string | undefined }) {
  return <section aria-label="Conversation" data-id={conversationId} className="flex-1" />;
}
