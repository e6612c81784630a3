import type { Query } from '../../api/client';
import type { RunStatus } from '../../api/workflow-types';

/** The statuses the monitor filters by (queued runs show under "all"). */
export const statusFilters = ['all', 'running', 'waiting', 'failed', 'succeeded', 'cancelled'] as const;
/** How far back: the last hour, day, week, or any time. */
export const timeFilters = ['any', 'hour', 'day', 'week'] as const;

/** What the run monitor shows, as read from (and written to) its URL. */
export interface RunFilters {
  status: (typeof statusFilters)[number];
  /** A workflow id, or '' for every workflow. */
  workflow: string;
  since: (typeof timeFilters)[number];
}

export const defaultFilters: RunFilters = { status: 'all', workflow: '', since: 'any' };

const windowMs: Record<RunFilters['since'], number> = {
  any: 0,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}

/** The filters in `?status=&workflow=&since=`; anything unknown falls back to the default. */
export function readFilters(params: URLSearchParams): RunFilters {
  return {
    status: oneOf(statusFilters, params.get('status'), defaultFilters.status),
    workflow: params.get('workflow')?.trim() ?? '',
    since: oneOf(timeFilters, params.get('since'), defaultFilters.since),
  };
}

/** The search params for the filters, defaults left out so plain /runs stays plain. */
export function writeFilters(filters: RunFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['status', 'workflow', 'since'] as const)
    if (filters[key] && filters[key] !== defaultFilters[key]) params.set(key, filters[key]);
  return params;
}

/** Whether anything narrows the list. */
export function isNarrowed(filters: RunFilters): boolean {
  return writeFilters(filters).size > 0;
}

/** The GET /api/v1/workflow-runs query for the filters; `since` is counted back from `now`. */
export function listQuery(filters: RunFilters, now = Date.now()): Query {
  return {
    status: filters.status === 'all' ? undefined : (filters.status satisfies RunStatus),
    workflow_id: filters.workflow || undefined,
    since: filters.since === 'any' ? undefined : new Date(now - windowMs[filters.since]).toISOString(),
  };
}
