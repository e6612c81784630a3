import { TextField } from './field';

/**
 * A search box that searches on Enter. Keyed by its words, so going back puts the earlier words in
 * the box.
 */
export function SearchForm({
  label,
  value,
  placeholder,
  hideLabel = true,
  className = 'min-w-64 flex-1',
  onSearch,
}: {
  label: string;
  value: string;
  placeholder?: string;
  hideLabel?: boolean;
  className?: string;
  onSearch: (words: string) => void;
}) {
  return (
    <form
      key={value}
      role="search"
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        const words = new FormData(event.currentTarget).get('q');
        onSearch(typeof words === 'string' ? words.trim() : '');
      }}
    >
      <TextField
        label={label}
        hideLabel={hideLabel}
        name="q"
        type="search"
        defaultValue={value}
        placeholder={placeholder}
      />
    </form>
  );
}
