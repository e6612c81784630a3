import { useRef, useState } from 'react';
import { inputClass } from '../../../components/field';

/**
 * A conversation's title being edited in place: Enter (or leaving the field) saves, Escape cancels.
 * `onDone` says whether the keyboard ended it, so focus can go back to the row.
 */
export function RenameField({
  title,
  onSave,
  onDone,
}: {
  title: string;
  onSave: (title: string) => void;
  onDone: (byKeyboard: boolean) => void;
}) {
  const [value, setValue] = useState(title);
  const finished = useRef(false);

  const finish = (save: boolean, byKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const next = value.trim();
    if (save && next && next !== title) onSave(next);
    onDone(byKeyboard);
  };

  return (
    <input
      aria-label="Conversation title"
      autoFocus
      maxLength={200}
      value={value}
      className={`${inputClass} py-1.5`}
      onChange={(event) => setValue(event.target.value)}
      onFocus={(event) => event.currentTarget.select()}
      onBlur={() => finish(true, false)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true, true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          finish(false, true);
        }
      }}
    />
  );
}
