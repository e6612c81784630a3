import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { AssistantMessage } from './assistant-message';
import type { ThreadMessage } from './thread-message';
import { UserMessage } from './user-message';

/** How close to the bottom (px) still counts as "at the bottom": the list then follows new text. */
const stickiness = 48;

export interface MessageActions {
  onEdit: (message: ThreadMessage, text: string) => void;
  onRegenerate: (message: ThreadMessage) => void;
  onSwitch: (messageId: string) => void;
  onAnswer: (approvalId: string, approved: boolean) => void;
}

/**
 * The conversation's messages, virtualized so a long one stays smooth: rows are measured as they
 * render, and the list keeps to the bottom while a reply streams unless the user scrolled up.
 */
export function MessageList({
  messages,
  busy,
  actions,
}: {
  messages: ThreadMessage[];
  busy: boolean;
  actions: MessageActions;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 6,
    getItemKey: (index) => messages[index]?.id ?? index,
    // A list not laid out (yet, or ever: a test's DOM) counts as a window high, so rows still render.
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) =>
        callback(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }),
      ),
  });
  const totalSize = virtualizer.getTotalSize();

  const lastUserId = messages.findLast((message) => message.role === 'user')?.id;
  useEffect(() => {
    // A message the user just sent brings them back to the bottom, wherever they were reading.
    atBottom.current = true;
  }, [lastUserId]);
  useEffect(() => {
    const element = scrollRef.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages, totalSize]);

  return (
    <div
      ref={scrollRef}
      role="log"
      aria-label="Messages"
      tabIndex={0}
      className="min-h-0 flex-1 overflow-y-auto"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < stickiness;
      }}
    >
      <div className="relative w-full" style={{ height: totalSize }}>
        {virtualizer.getVirtualItems().map((row) => {
          const message = messages[row.index];
          if (!message) return null;
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <div className="mx-auto max-w-3xl px-4 py-3">
                {message.role === 'user' ? (
                  <UserMessage
                    message={message}
                    busy={busy}
                    onEdit={actions.onEdit}
                    onSwitch={actions.onSwitch}
                  />
                ) : (
                  <AssistantMessage
                    message={message}
                    busy={busy}
                    onRegenerate={actions.onRegenerate}
                    onSwitch={actions.onSwitch}
                    onAnswer={actions.onAnswer}
                  />
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
