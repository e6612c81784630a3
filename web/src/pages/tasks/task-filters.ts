import type { Query } from '../../api/client';
import { addDays, localDay } from './due-date';

export const statusFilters = ['pending', 'completed', 'all'] as const;
export const dueFilters = ['any', 'overdue', 'today', 'week'] as const;
/** Soonest due first (what a todo list is read for), or newest first. */
export const sortOrders = ['due', 'created'] as const;

/** What the Tasks page shows, as read from (and written to) its URL. */
export interface TaskFilters {
  status: (typeof statusFilters)[number];
  due: (typeof dueFilters)[number];
  tag: string;
  q: string;
  sort: (typeof sortOrders)[number];
}

export const defaultFilters: TaskFilters = { status: 'pending', due: 'any', tag: '', q: '', sort: 'due' };

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}

/** The filters in `?status=&due=&tag=&q=&sort=`; anything unknown falls back to the default. */
export function readFilters(params: URLSearchParams): TaskFilters {
  return {
    status: oneOf(statusFilters, params.get('status'), defaultFilters.status),
    due: oneOf(dueFilters, params.get('due'), defaultFilters.due),
    tag: params.get('tag')?.trim() ?? '',
    q: params.get('q')?.trim() ?? '',
    sort: oneOf(sortOrders, params.get('sort'), defaultFilters.sort),
  };
}

/** The search params for the filters, defaults left out so plain /tasks stays plain. */
export function writeFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['status', 'due', 'tag', 'q', 'sort'] as const)
    if (filters[key] && filters[key] !== defaultFilters[key]) params.set(key, filters[key]);
  return params;
}

/** Whether anything narrows the list beyond the default pending view. */
export function isNarrowed(filters: TaskFilters): boolean {
  return filters.status === 'completed' || filters.due !== 'any' || filters.tag !== '' || filters.q !== '';
}

/** The GET /api/v1/tasks query for the filters; due windows are whole local days. */
export function listQuery(filters: TaskFilters, now = new Date()): Query {
  const today = localDay(now);
  const windows: Record<TaskFilters['due'], { due_after?: string; due_before?: string }> = {
    any: {},
    overdue: { due_before: today },
    today: { due_after: today, due_before: addDays(today, 1) },
    week: { due_after: today, due_before: addDays(today, 7) },
  };
  return {
    status: filters.status,
    tag: filters.tag,
    q: filters.q,
    sort: filters.sort,
    ...windows[filters.due],
  };
}
