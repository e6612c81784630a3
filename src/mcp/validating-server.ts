import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AnyObjectSchema, SchemaOutput } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { getMethodLiteral } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  Notification,
  Request,
  Result,
  ServerNotification,
  ServerRequest,
  ServerResult,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { parseParams } from './invalid-params.js';

type Handler<Schema extends AnyObjectSchema> = (
  request: SchemaOutput<Schema>,
  extra: RequestHandlerExtra<ServerRequest | Request, ServerNotification | Notification>,
) => ServerResult | Result | Promise<ServerResult | Result>;

/**
 * The SDK's low-level Server, except that a request whose params do not fit its method's schema
 * answers -32602 Invalid params with a short message naming the field. The SDK parses before the
 * handler and lets the validator's error through as -32603 Internal error with its JSON dump.
 * Every handler goes through here, the SDK's own too (`initialize`, `ping`): it registers them
 * from its constructor, through this method.
 */
export class ValidatingServer extends Server {
  override setRequestHandler<Schema extends AnyObjectSchema>(schema: Schema, handler: Handler<Schema>): void {
    // The SDK dispatches on the method alone; the params are checked here, with our error.
    const method = z.looseObject({ method: z.literal(getMethodLiteral(schema)) });
    super.setRequestHandler(method as unknown as Schema, (request, extra) =>
      handler(parseParams(schema, request) as SchemaOutput<Schema>, extra),
    );
  }
}
