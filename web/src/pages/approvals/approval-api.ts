import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AnswerApprovalBody, ApprovalPage, ApprovalView } from '../../api/workflow-types';

/** The pending approvals, newest first, a page at a time (live: workflow.* events refresh ['approvals']). */
export function usePendingApprovals() {
  return useInfiniteQuery({
    queryKey: ['approvals', 'pending'],
    queryFn: ({ pageParam, signal }) =>
      api<ApprovalPage>('/api/v1/approvals', {
        query: { status: 'pending', limit: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The body of POST /api/v1/approvals/{id}/answer. */
export type ApprovalAnswer = AnswerApprovalBody;

/** Approves or refuses; the inbox and the runs refresh. */
export function useAnswerApproval(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: ApprovalAnswer) =>
      api<ApprovalView>(`/api/v1/approvals/${id}/answer`, { method: 'POST', body: answer }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['approvals'] }),
        client.invalidateQueries({ queryKey: ['workflow-runs'] }),
      ]),
  });
}
