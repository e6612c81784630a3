import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../../components/feedback';
import { Icon } from '../../../layout/icons';
import { SearchForm } from '../../../components/search-form';
import { useWorkflowList } from '../workflow-api';
import { ImportDialog } from './import-dialog';
import { TemplateGallery } from './template-gallery';
import { WorkflowRow } from './workflow-row';

/** Your workflows (searched from the URL's `q`), each with its last run; new, import, templates. */
export function WorkflowList() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = useWorkflowList(q);
  const [importing, setImporting] = useState(false);
  const workflows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-5xl p-4 sm:p-6">
      <PageHeader
        title="Workflows"
        description="Steps that run one after another or side by side, with approvals and triggers."
        actions={
          <>
            <Button onClick={() => setImporting(true)}>
              <Icon name="upload" className="size-4" />
              Import
            </Button>
            <Link
              to="/workflows/new"
              className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800 hover:no-underline dark:bg-blue-500 dark:text-neutral-950 dark:hover:bg-blue-400"
            >
              <Icon name="plus" className="size-4" />
              New workflow
            </Link>
          </>
        }
      />
      <SearchForm
        label="Search workflows"
        value={q}
        placeholder="Words in the name or description, then Enter"
        className="mb-4"
        onSearch={(text) => setParams(text ? { q: text } : {})}
      />
      {list.isPending ? (
        <Spinner label="Loading workflows" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : workflows.length === 0 ? (
        <EmptyState title={q ? 'No workflow matches these words' : 'No workflows yet'}>
          {q ? '' : 'Start from a template below, write one, or import one.'}
        </EmptyState>
      ) : (
        <ul
          aria-label="Workflows"
          className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900"
        >
          {workflows.map((workflow) => (
            <WorkflowRow key={workflow.id} workflow={workflow} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
      <TemplateGallery />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
