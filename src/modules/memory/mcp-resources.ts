import type { ResourceCatalog } from '../../tools/resource-catalog.js';
import { decodeUriComponent } from '../../uri-component.js';
import type { MemoryService } from './service.js';

const template = 'switchboard://memories/{id}';
const prefix = 'switchboard://memories/';

export function memoryUri(memoryId: string): string {
  return `${prefix}${memoryId}`;
}

/**
 * Each memory as an MCP resource (`switchboard://memories/{id}`, JSON), readable and subscribable
 * by its owner. Not listed (list_memories does that); the template completes memory ids.
 */
export function memoryResources(service: MemoryService): ResourceCatalog {
  return {
    templates: [
      {
        uriTemplate: template,
        name: 'memory',
        title: 'Memory',
        description: 'One of your memories, as JSON. The id completes from your memories.',
        mimeType: 'application/json',
      },
    ],
    list: async () => ({ resources: [] }),
    async read(actor, uri) {
      if (!uri.startsWith(prefix)) return undefined;
      const memory = await service.get(actor, decodeUriComponent(uri.slice(prefix.length)));
      return [{ uri, mimeType: 'application/json', text: JSON.stringify(memory, null, 2) }];
    },
    complete: (actor, _uriTemplate, variable, value) =>
      variable === 'id' ? service.idsStartingWith(actor, value) : Promise.resolve([]),
    changesFrom(event) {
      if (
        event.type !== 'memory.updated' &&
        event.type !== 'memory.deleted' &&
        event.type !== 'memory.archived' &&
        event.type !== 'memory.unarchived'
      )
        return [];
      const { memory_id: memoryId, owner_id: ownerId } = event.data;
      return [{ uri: memoryUri(memoryId), listChanged: false, audience: { userId: ownerId } }];
    },
  };
}
