import { useRef, useState } from 'react';
import { TextField } from '../../../components/field';

/**
 * The library's search: the URL follows as the user types (after a short pause), so results and
 * links stay in step without a request per keystroke.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        onSearch(text.trim());
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
          timer.current = setTimeout(() => onSearch(next.trim()), 300);
        }}
      />
    </form>
  );
}
