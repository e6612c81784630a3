import type { ResourceCatalog } from '../../tools/resource-catalog.js';
import { decodeUriComponent } from '../../uri-component.js';
import type { ContextService } from './service.js';

const prefix = 'switchboard://context/';

/** The URI of an entry: the space id, then the key as it is (its `/` separate its segments). */
export function contextEntryUri(spaceId: string, key: string): string {
  return `${prefix}${encodeURIComponent(spaceId)}/${key}`;
}

/**
 * Each context entry as an MCP resource (`switchboard://context/{space}/{key}`, JSON: the entry
 * with its value and version), readable and subscribable by the space's owner and members. Entries
 * are not listed (context_list does that); the template completes space ids.
 */
export function contextResources(context: ContextService): ResourceCatalog {
  return {
    templates: [
      {
        uriTemplate: `${prefix}{space}/{key}`,
        name: 'context-entry',
        title: 'Shared context entry',
        description:
          'One entry of a shared context space, as JSON (value and version). The key may hold "/" (findings/market).',
        mimeType: 'application/json',
      },
    ],
    list: async () => ({ resources: [] }),
    async read(actor, uri) {
      if (!uri.startsWith(prefix)) return undefined;
      const rest = uri.slice(prefix.length);
      const slash = rest.indexOf('/');
      const spaceId = decodeUriComponent(slash < 0 ? rest : rest.slice(0, slash));
      const key = slash < 0 ? '' : decodeUriComponent(rest.slice(slash + 1));
      const entry = await context.entries.get(actor, spaceId, key);
      return [{ uri, mimeType: 'application/json', text: JSON.stringify(entry, null, 2) }];
    },
    async complete(actor, _uriTemplate, variable, value) {
      if (variable !== 'space') return [];
      const { items } = await context.spaces.list(actor, { limit: 100 });
      return items
        .map((space) => space.id)
        .filter((id) => id.startsWith(value))
        .slice(0, 20);
    },
    changesFrom(event) {
      if (event.type !== 'context.entry.changed') return [];
      const { space_id: spaceId, key, audience } = event.data;
      return audience.map((userId) => ({
        uri: contextEntryUri(spaceId, key),
        listChanged: false,
        audience: { userId },
      }));
    },
  };
}
