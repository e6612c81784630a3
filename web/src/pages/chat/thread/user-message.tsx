import { useState } from 'react';
import { Button } from '../../../components/button';
import { TextArea } from '../../../components/field';
import { Icon } from '../../../layout/icons';
import { BranchSwitcher } from './branch-switcher';
import { messageText } from './message-text';
import type { ThreadMessage } from './thread-message';

/** The user's message, editable (an edit becomes a new version beside it), with its versions. */
export function UserMessage({
  message,
  busy,
  onEdit,
  onSwitch,
}: {
  message: ThreadMessage;
  busy: boolean;
  onEdit: (message: ThreadMessage, text: string) => void;
  onSwitch: (messageId: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const text = messageText(message);
  // Only a message read back from the server has its stored id, which an edit branches from.
  const stored = message.metadata?.branch !== undefined;

  if (editing !== null)
    return (
      <form
        className="ml-auto w-full max-w-2xl space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!editing.trim()) return;
          onEdit(message, editing.trim());
          setEditing(null);
        }}
      >
        <TextArea
          label="Edited text"
          hideLabel
          rows={3}
          value={editing}
          autoFocus
          onChange={(event) => setEditing(event.target.value)}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={() => setEditing(null)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || !editing.trim()}>
            Send the new version
          </Button>
        </div>
      </form>
    );

  return (
    <div className="group flex flex-col items-end gap-1">
      <div className="max-w-[85%] rounded-2xl bg-blue-50 px-4 py-2 break-words whitespace-pre-wrap text-neutral-900 dark:bg-blue-950 dark:text-neutral-100">
        {text}
      </div>
      <div className="flex items-center gap-1">
        <BranchSwitcher branch={message.metadata?.branch} disabled={busy} onSwitch={onSwitch} />
        {stored && (
          <button
            type="button"
            aria-label="Edit message"
            title="Edit message"
            disabled={busy}
            className="rounded p-1 text-neutral-700 hover:bg-neutral-100 disabled:opacity-40 dark:text-neutral-300 dark:hover:bg-neutral-800"
            onClick={() => setEditing(text)}
          >
            <Icon name="edit" className="size-4" />
          </button>
        )}
      </div>
    </div>
  );
}
