import { Link } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/feedback';
import { usePendingApprovals } from './approval-api';
import { ApprovalCard } from './approval-card';

/** The approvals inbox: what your workflow runs wait for you to approve or refuse; updates live. */
export function Component() {
  const list = usePendingApprovals();
  const approvals = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="mx-auto max-w-3xl p-4 sm:p-6">
      <PageHeader
        title="Approvals"
        description="Runs waiting for your answer. You can also answer from the chat or an MCP client."
      />
      {list.isPending ? (
        <Spinner label="Loading approvals" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : approvals.length === 0 ? (
        <EmptyState title="Nothing waits for your answer">
          A workflow with an approval step stops here until you answer. See your <Link to="/runs">runs</Link>.
        </EmptyState>
      ) : (
        <ul aria-label="Waiting approvals" className="flex flex-col gap-4">
          {approvals.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} />
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
    </div>
  );
}
