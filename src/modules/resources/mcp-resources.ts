import type { ResourceCatalog, ResourceChange } from '../../tools/resource-catalog.js';
import { resourceUri, resourceUriPrefix } from './service/rows.js';
import type { ResourceService } from './service.js';
import { decodeUriComponent } from '../../uri-component.js';

const template = `${resourceUriPrefix}{id}`;
/** Whole resources/list pages come from the database this many at a time. */
const listPage = 50;

/**
 * Documents as MCP resources: the user's own and the shared ones, listed a page at a time, read
 * as text (notes, text files, the text of pages and PDFs) or as a blob (images, audio).
 */
export function resourceCatalog(service: ResourceService): ResourceCatalog {
  return {
    templates: [
      {
        uriTemplate: template,
        name: 'resource',
        title: 'Document',
        description: 'One of your documents or a shared one. The id completes from those you can see.',
      },
    ],

    async list(actor, cursor) {
      const page = await service.list(actor, { limit: listPage, ...(cursor ? { cursor } : {}) });
      return {
        resources: page.items.map((resource) => ({
          uri: resource.uri,
          name: resource.name,
          ...(resource.description ? { description: resource.description } : {}),
          mimeType: resource.mime_type,
          size: resource.size_bytes,
          annotations: { lastModified: resource.updated_at },
        })),
        ...(page.next_cursor ? { nextCursor: page.next_cursor } : {}),
      };
    },

    async read(actor, uri) {
      if (!uri.startsWith(resourceUriPrefix)) return undefined;
      const id = decodeUriComponent(uri.slice(resourceUriPrefix.length));
      const { resource, text, bytes } = await service.content(actor, id);
      if (isText(resource.mime_type)) {
        // An HTML page is read as the text extracted from it, which is what a model can use.
        const mimeType = resource.mime_type === 'text/html' ? 'text/plain' : resource.mime_type;
        return [{ uri, mimeType, text }];
      }
      return [
        { uri, mimeType: resource.mime_type, blob: bytes.toString('base64') },
        ...(text ? [{ uri, mimeType: 'text/plain', text }] : []),
      ];
    },

    complete: (actor, _uriTemplate, variable, value) =>
      variable === 'id' ? service.idsStartingWith(actor, value) : Promise.resolve([]),

    changesFrom(event): ResourceChange[] {
      if (
        event.type !== 'resource.created' &&
        event.type !== 'resource.updated' &&
        event.type !== 'resource.deleted'
      )
        return [];
      const { resource_id: resourceId, owner_id: ownerId, shared } = event.data;
      // Whoever could see it before the change, or can after, hears of it.
      const wasShared = event.type === 'resource.updated' && event.data.was_shared;
      return [
        {
          uri: resourceUri(resourceId),
          listChanged: true,
          audience: shared || wasShared ? 'everyone' : { userId: ownerId },
        },
      ];
    },
  };
}

function isText(mimeType: string): boolean {
  return mimeType.startsWith('text/') || mimeType === 'application/json' || mimeType === 'application/xml';
}
