import { ErrorCode, InitializeRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { AnySchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { safeParse } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { z } from 'zod';

/** The most problems one message names; a client fixes the first and asks again. */
const problemsNamed = 3;

/**
 * Parses a request against its method's schema, or throws -32602 Invalid params with one short
 * line per problem (`params.uri: expected string, received undefined`), never the
 * validator's JSON dump.
 */
export function parseParams<Schema extends AnySchema>(schema: Schema, request: unknown) {
  const parsed = safeParse(schema, request);
  if (parsed.success) return parsed.data;
  throw new McpError(ErrorCode.InvalidParams, describeProblems(parsed.error));
}

/**
 * The JSON-RPC reply to an `initialize` request that opens no session because its params are
 * wrong, or undefined when they are right (or the message is no initialize request at all).
 */
export function invalidInitialize(body: unknown) {
  const message = body as { method?: unknown; id?: unknown } | undefined;
  if (message?.method !== 'initialize') return undefined;
  const parsed = InitializeRequestSchema.safeParse(body);
  if (parsed.success) return undefined;
  const id = typeof message.id === 'string' || typeof message.id === 'number' ? message.id : null;
  const error = { code: ErrorCode.InvalidParams, message: describeProblems(parsed.error) };
  return { jsonrpc: '2.0' as const, id, error };
}

function describeProblems(error: unknown): string {
  if (!(error instanceof z.core.$ZodError)) return 'Invalid params';
  const problems = error.issues.slice(0, problemsNamed).map((issue) => {
    const path = issue.path.map(String).join('.');
    // "Invalid input: expected string" says no more than the "Invalid params" in front of it.
    const detail = issue.message.replace(/^Invalid (input|option): /, '');
    return path ? `${path}: ${detail}` : detail;
  });
  return `Invalid params: ${problems.join('; ')}`;
}
