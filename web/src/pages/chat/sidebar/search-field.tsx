import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../../components/field';

const debounceMs = 300;

/** The sidebar's search box: reports what is typed once typing pauses, and follows `query` when it changes elsewhere (back button). */
export function SearchField({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const [text, setText] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (query !== shownQuery) {
    setShownQuery(query);
    if (query !== text.trim()) setText(query);
  }

  return (
    <TextField
      label="Search conversations"
      hideLabel
      type="search"
      placeholder="Search conversations"
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onSearch(next.trim()), debounceMs);
      }}
    />
  );
}
