import { useEffect, useRef } from 'react';
import { Button } from '../../../components/button';
import { TextArea } from '../../../components/field';
import { Icon } from '../../../layout/icons';

/**
 * Where the user writes: Enter sends, Shift+Enter starts a new line; Stop while a reply is being
 * written; "Insert a prompt" opens the prompt library.
 */
export function Composer({
  draft,
  onDraftChange,
  onSend,
  onStop,
  onInsertPrompt,
  busy,
  focusRequest,
}: {
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  onInsertPrompt: () => void;
  busy: boolean;
  /** Changing it puts the cursor in the message box (after a prompt is inserted, an example picked). */
  focusRequest: number;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector('textarea')?.focus();
  }, [focusRequest]);
  const canSend = !busy && draft.trim() !== '';
  const send = () => {
    if (canSend) onSend(draft.trim());
  };
  return (
    <form
      ref={formRef}
      className="mx-auto w-full max-w-3xl px-4 pb-4"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="rounded-xl border border-neutral-300 bg-white p-2 shadow-sm focus-within:border-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:focus-within:border-blue-400">
        <TextArea
          label="Message"
          hideLabel
          rows={2}
          placeholder="Ask the assistant, or say “help”"
          value={draft}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          className="field-sizing-content max-h-60 min-h-12 resize-none border-0 bg-transparent focus-visible:outline-none dark:bg-transparent"
        />
        <div className="mt-1 flex items-center gap-2">
          <Button size="sm" variant="ghost" onClick={onInsertPrompt}>
            <Icon name="prompts" className="size-4" />
            Insert a prompt
          </Button>
          <span className="ml-auto hidden text-xs text-neutral-600 sm:inline dark:text-neutral-400">
            Enter sends · Shift+Enter for a new line
          </span>
          {busy ? (
            <Button size="sm" variant="secondary" onClick={onStop}>
              <Icon name="stop" className="size-4" />
              Stop
            </Button>
          ) : (
            <Button size="sm" type="submit" variant="primary" disabled={!canSend}>
              <Icon name="send" className="size-4" />
              Send
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
