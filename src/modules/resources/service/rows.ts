import { eq, or } from 'drizzle-orm';
import type { Resource, ResourceVersion } from '../schema.js';
import { resources, type ResourceRow, type ResourceVersionRow } from '../table.js';

/** A resource as listed: every column but the search vector, the text and the bytes. */
export type ResourceRecord = Omit<ResourceRow, 'search' | 'text' | 'content'>;

export const listedColumns = {
  id: resources.id,
  ownerId: resources.ownerId,
  kind: resources.kind,
  name: resources.name,
  description: resources.description,
  mimeType: resources.mimeType,
  visibility: resources.visibility,
  tags: resources.tags,
  metadata: resources.metadata,
  filename: resources.filename,
  sourceUrl: resources.sourceUrl,
  sizeBytes: resources.sizeBytes,
  version: resources.version,
  fetchedAt: resources.fetchedAt,
  createdAt: resources.createdAt,
  updatedAt: resources.updatedAt,
};

/** The columns of a resource's current content, as a version keeps them. */
export const contentColumns = {
  name: resources.name,
  mimeType: resources.mimeType,
  text: resources.text,
  content: resources.content,
  sizeBytes: resources.sizeBytes,
};

export const resourceUriPrefix = 'switchboard://resources/';

export function resourceUri(resourceId: string): string {
  return `${resourceUriPrefix}${resourceId}`;
}

/** Yours, and everyone's shared ones. */
export const visibleTo = (userId: string) =>
  or(eq(resources.ownerId, userId), eq(resources.visibility, 'shared'));

/** A resource as the viewer sees it. */
export function toResourceView(row: ResourceRecord, viewerId: string): Resource {
  return {
    id: row.id,
    uri: resourceUri(row.id),
    kind: row.kind,
    name: row.name,
    description: row.description,
    mime_type: row.mimeType,
    visibility: row.visibility,
    tags: row.tags,
    metadata: row.metadata,
    filename: row.filename,
    source_url: row.sourceUrl,
    size_bytes: row.sizeBytes,
    version: row.version,
    mine: row.ownerId === viewerId,
    fetched_at: row.fetchedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A kept version as clients see it. */
export function toVersionView(
  row: Pick<ResourceVersionRow, 'version' | 'name' | 'mimeType' | 'sizeBytes' | 'createdAt'>,
): ResourceVersion {
  return {
    version: row.version,
    name: row.name,
    mime_type: row.mimeType,
    size_bytes: row.sizeBytes,
    created_at: row.createdAt.toISOString(),
  };
}
