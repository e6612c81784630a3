import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  ImportedWorkflow,
  WorkflowPage,
  WorkflowRunView,
  WorkflowSummary,
  WorkflowTemplate,
  WorkflowVersion,
} from '../../api/workflow-types';

/** Query keys of workflows; workflow.* live events mark them stale. */
export const workflowKeys = {
  list: (q: string) => ['workflows', 'list', q] as const,
  one: (id: string) => ['workflows', 'one', id] as const,
  versions: (id: string) => ['workflows', 'versions', id] as const,
  templates: ['workflows', 'templates'] as const,
};

/** Your workflows (and the shared ones) matching the words, a page at a time. */
export function useWorkflowList(q: string) {
  return useInfiniteQuery({
    queryKey: workflowKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      api<WorkflowPage>('/api/v1/workflows', { query: { q, limit: 30, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: workflowKeys.one(id),
    queryFn: ({ signal }) => api<WorkflowSummary>(`/api/v1/workflows/${id}`, { signal }),
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: workflowKeys.versions(id),
    queryFn: ({ signal }) =>
      api<{ items: WorkflowVersion[] }>(`/api/v1/workflows/${id}/versions`, { signal }).then(
        (page) => page.items,
      ),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: workflowKeys.templates,
    queryFn: ({ signal }) =>
      api<{ items: WorkflowTemplate[] }>('/api/v1/workflow-templates', { signal }).then((page) => page.items),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Creating, saving (a new version), restoring, deleting, copying a template, importing, running. */
export function useWorkflowMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['workflows'] });
  return {
    create: useMutation({
      mutationFn: (definition: unknown) =>
        api<WorkflowSummary>('/api/v1/workflows', { method: 'POST', body: definition }),
      onSettled: refresh,
    }),
    save: useMutation({
      mutationFn: ({ id, definition }: { id: string; definition: unknown }) =>
        api<WorkflowSummary>(`/api/v1/workflows/${id}`, { method: 'PUT', body: definition }),
      onSettled: refresh,
    }),
    validate: useMutation({
      mutationFn: (definition: unknown) =>
        api<unknown>('/api/v1/workflows/validate', { method: 'POST', body: definition }),
    }),
    restore: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api<WorkflowSummary>(`/api/v1/workflows/${id}/versions/${version}/restore`, { method: 'POST' }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/workflows/${id}`, { method: 'DELETE' }),
      onSettled: refresh,
    }),
    copyTemplate: useMutation({
      mutationFn: (templateId: string) =>
        api<WorkflowSummary>(`/api/v1/workflow-templates/${templateId}/copy`, { method: 'POST', body: {} }),
      onSettled: refresh,
    }),
    importDocument: useMutation({
      mutationFn: (document: string) =>
        api<ImportedWorkflow>('/api/v1/workflows/import', { method: 'POST', body: { document } }).then(
          (imported) => imported.workflow,
        ),
      onSettled: refresh,
    }),
    exportDocument: useMutation({
      mutationFn: ({ id, format }: { id: string; format: 'json' | 'yaml' }) =>
        api<{ name: string; format: string; document: string }>(`/api/v1/workflows/${id}/export`, {
          query: { format },
        }),
    }),
    run: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Record<string, unknown> }) =>
        api<WorkflowRunView>(`/api/v1/workflows/${id}/runs`, { method: 'POST', body: { input } }),
      onSettled: () => client.invalidateQueries({ queryKey: ['workflow-runs'] }),
    }),
  };
}
