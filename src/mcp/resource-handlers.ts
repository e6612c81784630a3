import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { UserActor } from '../actor.js';
import type { AnyBusEvent } from '../bus/events.js';
import { DomainError } from '../errors.js';
import type { Logger } from '../logger.js';
import { hidden, type McpRequestExtra } from './hidden-error.js';
import { paginate } from './paginate.js';
import type { ResourceCatalog } from '../tools/resource-catalog.js';

/** The protocol's code for a URI that names nothing the user may read. */
export const resourceNotFound = -32002;

/** The most resources one session subscribes to at once. */
const subscriptionsAtMost = 1_000;

interface ListPosition {
  /** Which catalog the page comes from. */
  catalog: number;
  /** That catalog's own cursor. */
  cursor?: string;
}

function encodePosition(position: ListPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodePosition(cursor: string | undefined): ListPosition {
  if (cursor === undefined) return { catalog: 0 };
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as ListPosition;
    if (Number.isInteger(position.catalog) && position.catalog >= 0) return position;
  } catch {
    // Falls through to the protocol error below.
  }
  throw new McpError(ErrorCode.InvalidParams, 'Invalid cursor');
}

/** Tells one session's client what an event changed among the resources it can see. */
export type ResourceNotifier = (event: AnyBusEvent) => void;

/**
 * resources/list (every catalog in turn, a page at a time), resources/read, resource templates
 * and subscriptions. Returns the function that turns bus events into this session's
 * `resources/updated` and `resources/list_changed` notifications.
 */
export function registerResourceHandlers(
  server: Server,
  { catalogs, actor, logger }: { catalogs: ResourceCatalog[]; actor: UserActor; logger: Logger },
): ResourceNotifier {
  const subscribed = new Set<string>();

  server.setRequestHandler(ListResourcesRequestSchema, async (request, extra) => {
    const position = decodePosition(request.params?.cursor);
    const catalog = catalogs[position.catalog];
    if (!catalog) throw new McpError(ErrorCode.InvalidParams, 'Invalid cursor');
    try {
      const page = await catalog.list(actor, position.cursor);
      const next: ListPosition | undefined = page.nextCursor
        ? { catalog: position.catalog, cursor: page.nextCursor }
        : position.catalog + 1 < catalogs.length
          ? { catalog: position.catalog + 1 }
          : undefined;
      return { resources: page.resources, ...(next ? { nextCursor: encodePosition(next) } : {}) };
    } catch (error) {
      throw hidden(error, logger, extra);
    }
  });

  server.setRequestHandler(ListResourceTemplatesRequestSchema, async (request) => {
    const { items, nextCursor } = paginate(
      catalogs.flatMap((catalog) => catalog.templates),
      request.params?.cursor,
    );
    return { resourceTemplates: items, ...(nextCursor ? { nextCursor } : {}) };
  });

  /** The contents at `uri`, or -32002 when it names nothing this user may read. */
  async function read(uri: string, extra: McpRequestExtra) {
    for (const catalog of catalogs) {
      let contents;
      try {
        contents = await catalog.read(actor, uri);
      } catch (error) {
        throw notFoundOrHidden(error, uri, logger, extra);
      }
      if (contents) return contents;
    }
    throw new McpError(resourceNotFound, `Resource ${uri} not found`, { uri });
  }

  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => ({
    contents: await read(request.params.uri, extra),
  }));

  server.setRequestHandler(SubscribeRequestSchema, async (request, extra) => {
    const { uri } = request.params;
    if (subscribed.size >= subscriptionsAtMost && !subscribed.has(uri))
      throw new McpError(
        ErrorCode.InvalidRequest,
        `A session subscribes to at most ${subscriptionsAtMost} resources`,
      );
    // Only what the user may read: another user's private document answers as a URI that names
    // nothing, by the very path resources/read takes, so the two cannot be told apart.
    try {
      await read(uri, extra);
    } catch (error) {
      subscribed.delete(uri);
      throw error;
    }
    subscribed.add(uri);
    return {};
  });

  server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });

  return (event) => {
    let listChanged = false;
    for (const catalog of catalogs) {
      for (const change of catalog.changesFrom?.(event) ?? []) {
        const hears = change.audience === 'everyone' || change.audience.userId === actor.userId;
        if (!hears) continue;
        listChanged ||= change.listChanged;
        if (change.uri && subscribed.has(change.uri))
          void server.sendResourceUpdated({ uri: change.uri }).catch(() => {});
      }
    }
    if (listChanged) void server.sendResourceListChanged().catch(() => {});
  };
}

/** A domain "not found" is the protocol's resource-not-found; a bad URI is invalid params. */
function notFoundOrHidden(error: unknown, uri: string, logger: Logger, extra: McpRequestExtra): McpError {
  if (error instanceof DomainError && error.kind === 'not_found')
    return new McpError(resourceNotFound, `Resource ${uri} not found`, { uri });
  if (error instanceof DomainError && error.kind === 'invalid')
    return new McpError(ErrorCode.InvalidParams, error.message, { error_code: error.code });
  return hidden(error, logger, extra);
}
