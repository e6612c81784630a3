import type { User } from '../../../api/types';
import { Button } from '../../../components/button';
import { SelectField, TextField } from '../../../components/field';
import { humanize } from '../../../components/value-view';
import { type AuditFilters as Filters, knownActions } from './audit';

/** Who, what and when: each choice goes straight into the URL, so a filtered log can be linked. */
export function AuditFilters({
  filters,
  users,
  onChange,
}: {
  filters: Filters;
  users: User[];
  onChange: (filters: Filters) => void;
}) {
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    onChange({ ...filters, [key]: event.target.value });
  const any = Object.values(filters).some(Boolean);
  return (
    <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end">
      <SelectField label="User" value={filters.user_id} onChange={set('user_id')}>
        <option value="">Everyone</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name} ({user.email})
          </option>
        ))}
      </SelectField>
      <SelectField label="Action" value={filters.action} onChange={set('action')}>
        <option value="">Every action</option>
        {knownActions.map((action) => (
          <option key={action} value={action}>
            {humanize(action.replace('.', '_'))}
          </option>
        ))}
      </SelectField>
      <TextField label="From" type="date" value={filters.since} onChange={set('since')} />
      <TextField label="To" type="date" value={filters.until} onChange={set('until')} />
      <Button
        disabled={!any}
        onClick={() => onChange({ user_id: '', action: '', since: '', until: '' })}
        className="self-end"
      >
        Clear filters
      </Button>
    </div>
  );
}
