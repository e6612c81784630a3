import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ApprovalPage } from '../api/workflow-types';

const badgeLimit = 50;

/** How many approvals wait, for the navigation's badge: "50+" past one page. */
export function usePendingCount(): string | undefined {
  const pending = useQuery({
    queryKey: ['approvals', 'count'],
    queryFn: ({ signal }) =>
      api<ApprovalPage>('/api/v1/approvals', { query: { status: 'pending', limit: badgeLimit }, signal }),
    retry: false,
  });
  const count = pending.data?.items.length ?? 0;
  if (count === 0) return undefined;
  return pending.data?.next_cursor ? `${badgeLimit}+` : String(count);
}
