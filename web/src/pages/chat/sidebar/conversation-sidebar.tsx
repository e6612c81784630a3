/** The conversations list (being built). */
export function ConversationSidebar({ activeId }: { activeId: string | undefined }) {
  return (
    <aside aria-label="Conversations" data-active={activeId} className="hidden w-72 shrink-0 md:block" />
  );
}
