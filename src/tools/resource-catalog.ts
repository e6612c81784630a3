import type { Resource, ResourceTemplate, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { UserActor } from '../actor.js';
import type { AnyBusEvent } from '../bus/events.js';

/** A page of a catalog's resources; the cursor is the catalog's own. */
export interface ResourcePage {
  resources: Resource[];
  nextCursor?: string;
}

/** What an event changed among the resources, and who may hear of it. */
export interface ResourceChange {
  /** The resource whose content changed (for `resources/subscribe`), if one did. */
  uri?: string;
  /** True when the set of resources changed (for `notifications/resources/list_changed`). */
  listChanged: boolean;
  /** The owner; `everyone` when the resource is shared with all users (or was, before the change). */
  audience: { userId: string } | 'everyone';
}

/**
 * One module's MCP resources (documents, tasks, conformance fixtures): what a user may list and
 * read, the URI templates it answers, and which bus events change them. The MCP layer combines
 * catalogs; none of them knows about sessions or transports.
 */
export interface ResourceCatalog {
  /** URI templates this catalog reads, e.g. `switchboard://tasks/{id}`. */
  readonly templates: ResourceTemplate[];
  /** The user's resources, a page at a time (a catalog may list nothing and only read). */
  list(actor: UserActor, cursor: string | undefined): Promise<ResourcePage>;
  /** The contents at `uri`, or undefined when the URI is not this catalog's. Throws when it is but the user may not read it. */
  read(actor: UserActor, uri: string): Promise<ReadResourceResult['contents'] | undefined>;
  /** Suggested values for a template variable that starts with `value`. */
  complete?(actor: UserActor, uriTemplate: string, variable: string, value: string): Promise<string[]>;
  /** What a bus event changed among this catalog's resources. */
  changesFrom?(event: AnyBusEvent): ResourceChange[];
}
