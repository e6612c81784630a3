import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ResourcePage,
  resourceKinds,
  ResourceVersion,
  ResourceWithText,
  visibilities,
} from '@server/modules/resources/schema';
import { api } from '../../api/client';

export type DocumentKind = (typeof resourceKinds)[number];
export type Visibility = (typeof visibilities)[number];

/** A document (a resource) as the API answers it; `snippet` only in search results. */
export type DocumentSummary = ResourcePage['items'][number];
export type DocumentWithText = ResourceWithText;
export type DocumentVersion = ResourceVersion;

/** What the list shows, from `?q=&kind=`. */
export interface DocumentFilters {
  q: string;
  kind: DocumentKind | '';
}

export const documentPath = (id: string) => `/api/v1/resources/${id}`;

/** Documents newest first, or best match first with words; a page at a time. */
export function useDocumentList(filters: DocumentFilters) {
  return useInfiniteQuery({
    queryKey: ['documents', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<ResourcePage>('/api/v1/resources', {
        query: { q: filters.q, kind: filters.kind, limit: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One document with its text. */
export function useDocument(id: string) {
  return useQuery({
    queryKey: ['documents', 'one', id],
    queryFn: ({ signal }) => api<DocumentWithText>(documentPath(id), { signal }),
  });
}

/** Every version of a document, the current one first. */
export function useDocumentVersions(id: string) {
  return useQuery({
    queryKey: ['documents', 'versions', id],
    queryFn: ({ signal }) => api<{ items: DocumentVersion[] }>(`${documentPath(id)}/versions`, { signal }),
  });
}

/** Any write to documents, refreshing every cached document query when it settles. */
export function useDocumentMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: ['documents'] }),
  });
}
