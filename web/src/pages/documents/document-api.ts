import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type DocumentKind = 'text' | 'file' | 'url';
export type Visibility = 'private' | 'shared';

/** A document (a resource) as the API answers it; dates are ISO strings over JSON. */
export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  name: string;
  description: string | null;
  mimeType: string;
  visibility: Visibility;
  tags: string[];
  filename: string | null;
  sourceUrl: string | null;
  sizeBytes: number;
  version: number;
  mine: boolean;
  fetchedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only in search results: the best passage, matches between « and ». */
  snippet?: string;
}

export interface DocumentWithText extends DocumentSummary {
  text: string;
}

export interface DocumentVersion {
  version: number;
  name: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

interface DocumentPage {
  items: DocumentSummary[];
  nextCursor: string | null;
}

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
      api<DocumentPage>('/api/v1/resources', {
        query: { q: filters.q, kind: filters.kind, limit: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
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
