import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/feedback';
import { RunFilterBar } from './filter-bar';
import { defaultFilters, readFilters, type RunFilters, writeFilters } from './run-filters';
import { RunList } from './run-list';
import { RunPage } from './run-page';

/** The run monitor at /runs (filters in the URL, live), one run at /runs/:runId. */
export function Component() {
  const { runId } = useParams();
  const [params, setParams] = useSearchParams();
  if (runId) return <RunPage key={runId} runId={runId} />;
  const filters = readFilters(params);
  const change = (changes: Partial<RunFilters>) => setParams(writeFilters({ ...filters, ...changes }));
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Runs"
        description="Every run of your workflows, newest first. It updates as they run."
      />
      <RunFilterBar filters={filters} onChange={change} />
      <RunList filters={filters} onClear={() => setParams(writeFilters(defaultFilters))} />
    </div>
  );
}
