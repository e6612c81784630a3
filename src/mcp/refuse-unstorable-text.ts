import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { getMethodLiteral } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { findUnstorableText, unstorableTextError } from '../storable-text.js';

/**
 * Makes every request handler registered on `server` after this refuse params holding text
 * Postgres cannot store, U+0000 or a lone surrogate (in a prompt's arguments, a resource URI), with
 * -32602 naming the field, as REST answers 400. A tool call's arguments are the tool runner's to
 * check: there the refusal is a tool error the model can correct. Runs right after the server is
 * made, before any handler.
 */
export function refuseUnstorableTextInRequests(server: Server): void {
  const register = server.setRequestHandler.bind(server);
  server.setRequestHandler = (schema, handler) => {
    if (getMethodLiteral(schema) === 'tools/call') return register(schema, handler);
    return register(schema, (request, extra) => {
      const path = findUnstorableText(request.params);
      if (path) {
        const { message, field } = unstorableTextError(path, 'params');
        throw new McpError(ErrorCode.InvalidParams, message, { field });
      }
      return handler(request, extra);
    });
  };
}
