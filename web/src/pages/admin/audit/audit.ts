import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AuditPage } from '@server/modules/identity/schema';

export type { AuditEntry } from '@server/modules/identity/schema';

/** The filters the API takes, as they sit in the page's URL: `since`/`until` are days (YYYY-MM-DD). */
export interface AuditFilters {
  user_id: string;
  action: string;
  since: string;
  until: string;
}

export const filterNames = ['user_id', 'action', 'since', 'until'] as const;

/** The actions Switchboard records, for the filter's choices. */
export const knownActions = [
  'sign_in',
  'sign_out',
  'user.sign_up',
  'user.create',
  'user.update',
  'password.change',
  'session.revoke',
  'api_key.create',
  'api_key.revoke',
  'api_key.use_denied',
  'invite.create',
  'tool.call',
];

/** A day's first (or last) moment in local time, as the API wants it. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
}

/** The audit log under these filters, newest first, a page at a time. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) =>
      api<AuditPage>('/api/v1/admin/audit', {
        query: {
          user_id: filters.user_id,
          action: filters.action,
          since: dayBoundary(filters.since, false),
          until: dayBoundary(filters.until, true),
          cursor: pageParam,
          limit: 50,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
