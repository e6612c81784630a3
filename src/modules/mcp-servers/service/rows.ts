import { type SecretBox, SecretUnreadableError } from '../../../secrets/secret-box.js';
import type { McpServerConfig } from './connections.js';
import { McpServerSecretsUnreadableError } from '../errors.js';
import { openValues } from './secrets.js';
import { maskedValue, type McpServer, type McpServerStatus } from '../schema.js';
import type { McpServerRow } from '../table.js';

/** The same keys, every value masked. */
export function masked(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).map((key) => [key, maskedValue]));
}

/**
 * A new set of values where a masked value keeps the stored one, so a client can send back what it
 * was shown and change only what it means to.
 */
export function unmasked(
  incoming: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(incoming).map(([key, value]) => [
      key,
      value === maskedValue ? (stored[key] ?? '') : value,
    ]),
  );
}

/** A stored server as answers show it: secrets masked, with its connection status. */
export function toMcpServer(row: McpServerRow, status: McpServerStatus): McpServer {
  return {
    id: row.id,
    name: row.name,
    transport: row.transport,
    url: row.url,
    headers: masked(row.headers),
    command: row.command,
    args: row.args,
    env: masked(row.env),
    enabled: row.enabled,
    status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/**
 * A stored server as the client hub connects to it, its secrets decrypted (the only place they
 * are); MCP_SERVER_SECRETS_UNREADABLE when they cannot be.
 */
export function toConfig(row: McpServerRow, box: SecretBox): McpServerConfig {
  let headers: Record<string, string>;
  let env: Record<string, string>;
  try {
    headers = openValues(box, row.id, 'headers', row.headers);
    env = openValues(box, row.id, 'env', row.env);
  } catch (error) {
    if (error instanceof SecretUnreadableError)
      throw new McpServerSecretsUnreadableError(row.id, { cause: error });
    throw error;
  }
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    transport: row.transport,
    url: row.url,
    headers,
    command: row.command,
    args: row.args,
    env,
    updatedAt: row.updatedAt,
  };
}
