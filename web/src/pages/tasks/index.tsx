import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/feedback';
import { AddTaskForm } from './add-task-form';
import { FilterBar } from './filter-bar';
import { defaultFilters, readFilters, type TaskFilters, writeFilters } from './task-filters';
import { TaskList } from './task-list';

/** The Tasks page: add inline, filter (kept in the URL), complete, edit and delete; updates live. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const change = (changes: Partial<TaskFilters>) => setParams(writeFilters({ ...filters, ...changes }));
  return (
    <div className="mx-auto max-w-4xl p-4 sm:p-6">
      <PageHeader
        title="Tasks"
        description="Your todo list. The assistant can add and complete tasks here too."
      />
      <AddTaskForm defaultTag={filters.tag} />
      <FilterBar filters={filters} onChange={change} />
      <TaskList
        filters={filters}
        onTag={(tag) => change({ tag })}
        onClear={() => setParams(writeFilters({ ...defaultFilters, sort: filters.sort }))}
      />
    </div>
  );
}
