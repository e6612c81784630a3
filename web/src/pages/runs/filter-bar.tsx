import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { WorkflowPage } from '../../api/workflow-types';
import { SelectField } from '../../components/field';
import { humanize } from '../../components/humanize';
import type { RunFilters } from './run-filters';

const timeLabels: Record<RunFilters['since'], string> = {
  any: 'Any time',
  hour: 'Last hour',
  day: 'Last 24 hours',
  week: 'Last 7 days',
};

/** Status, workflow and time controls; each change is a new URL. */
export function RunFilterBar({
  filters,
  onChange,
}: {
  filters: RunFilters;
  onChange: (changes: Partial<RunFilters>) => void;
}) {
  const workflows = useQuery({
    queryKey: ['workflows', 'list', 'names'],
    queryFn: ({ signal }) => api<WorkflowPage>('/api/v1/workflows', { query: { limit: 100 }, signal }),
  });
  return (
    <div className="mb-4 flex flex-wrap items-end gap-2">
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(event) => onChange({ status: event.target.value as RunFilters['status'] })}
        className="h-10 w-40"
      >
        {(['all', 'running', 'waiting', 'failed', 'succeeded', 'cancelled'] as const).map((status) => (
          <option key={status} value={status}>
            {humanize(status)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Workflow"
        value={filters.workflow}
        onChange={(event) => onChange({ workflow: event.target.value })}
        className="h-10 w-56"
      >
        <option value="">Every workflow</option>
        {workflows.data?.items.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
          </option>
        ))}
        {filters.workflow && !workflows.data?.items.some((workflow) => workflow.id === filters.workflow) && (
          <option value={filters.workflow}>{filters.workflow}</option>
        )}
      </SelectField>
      <SelectField
        label="Started"
        value={filters.since}
        onChange={(event) => onChange({ since: event.target.value as RunFilters['since'] })}
        className="h-10 w-44"
      >
        {Object.entries(timeLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
