import { useRef, useState } from 'react';
import { TextField } from '../../../components/field';

/**
 * The library's search: the URL follows as the user types (after a short pause, replacing the
 * history entry) and Enter makes it a step of its own, which the back button undoes.
 */
export function SearchBox({
  value,
  onSearch,
}: {
  value: string;
  onSearch: (q: string, options: { replace: boolean }) => void;
}) {
  const [text, setText] = useState(value);
  // The URL can change without typing (back, a link): the box follows it then.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        onSearch(text.trim(), { replace: false });
      }}
    >
      <TextField
        label="Search prompts"
        hideLabel
        type="search"
        placeholder="Search names, descriptions and templates"
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onSearch(next.trim(), { replace: true }), 300);
        }}
      />
    </form>
  );
}
