import { Button } from '../../components/button';
import { SelectField, TextField } from '../../components/field';
import { Icon } from '../../layout/icons';
import type { TaskFilters } from './task-filters';

const dueLabels: Record<TaskFilters['due'], string> = {
  any: 'Any due date',
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due in the next 7 days',
};

/** Status, due, order and search controls, and the tag being filtered by; each change is a new URL. */
export function FilterBar({
  filters,
  onChange,
}: {
  filters: TaskFilters;
  onChange: (changes: Partial<TaskFilters>) => void;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-2">
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(event) => onChange({ status: event.target.value as TaskFilters['status'] })}
        className="h-10 w-36"
      >
        <option value="pending">To do</option>
        <option value="completed">Completed</option>
        <option value="all">All</option>
      </SelectField>
      <SelectField
        label="Due"
        value={filters.due}
        onChange={(event) => onChange({ due: event.target.value as TaskFilters['due'] })}
        className="h-10 w-52"
      >
        {Object.entries(dueLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Order"
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.target.value as TaskFilters['sort'] })}
        className="h-10 w-44"
      >
        <option value="due">Due date</option>
        <option value="created">Newest first</option>
      </SelectField>
      {/* Keyed by the URL's words, so going back puts the earlier words in the box. */}
      <form
        key={filters.q}
        role="search"
        className="min-w-48 flex-1"
        onSubmit={(event) => {
          event.preventDefault();
          const words = new FormData(event.currentTarget).get('q');
          onChange({ q: typeof words === 'string' ? words.trim() : '' });
        }}
      >
        <TextField
          label="Search tasks"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="Words in the title or details, then Enter"
          className="h-10"
        />
      </form>
      {filters.tag && (
        <Button
          className="h-10"
          onClick={() => onChange({ tag: '' })}
          aria-label={`Stop filtering by tag ${filters.tag}`}
        >
          #{filters.tag}
          <Icon name="close" className="size-4" />
        </Button>
      )}
    </div>
  );
}
