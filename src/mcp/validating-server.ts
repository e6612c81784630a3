import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AnyObjectSchema, SchemaOutput } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { getMethodLiteral } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import { Protocol, type RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
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
 *
 * `tools/call` goes to the protocol's registry directly: the SDK's Server wraps its handler in a
 * parse of the same request schema (which answers a bad request with the validator's dump before
 * ours could run) and a parse of the handler's result against CallToolResultSchema. Our results
 * are built by `toCallToolResult`, `callToolFailure` and the fixtures, from typed values; the two
 * parses were a tenth of an `echo` call's zod work.
 */
export class ValidatingServer extends Server {
  override setRequestHandler<Schema extends AnyObjectSchema>(schema: Schema, handler: Handler<Schema>): void {
    // The SDK dispatches on the method alone; the params are checked here, with our error.
    const literal = getMethodLiteral(schema);
    const method = z.looseObject({ method: z.literal(literal) }) as unknown as Schema;
    const checked: Handler<Schema> = (request, extra) =>
      handler(parseParams(schema, request) as SchemaOutput<Schema>, extra);
    if (literal === 'tools/call') Protocol.prototype.setRequestHandler.call(this, method, checked);
    else super.setRequestHandler(method, checked);
  }
}
