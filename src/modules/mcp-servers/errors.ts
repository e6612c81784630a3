import { DomainError } from '../../errors.js';

/** The server does not exist, or belongs to someone else (which is not revealed). */
export class McpServerNotFoundError extends DomainError {
  readonly code = 'MCP_SERVER_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly serverId: string) {
    super(`MCP server ${serverId} not found`, { field: 'id' });
  }
}

/** The owner already has a server by this name (names prefix tool names, so they are unique). */
export class McpServerNameTakenError extends DomainError {
  readonly code = 'MCP_SERVER_NAME_TAKEN';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`You already have an MCP server named "${name}"`, { field: 'name' });
  }
}

/**
 * Names our own tools take as their prefix (`agent__<name>`, `team__<name>`, `workflow__<name>`,
 * `a2a__<name>`): a server by such a name would make tools that shadow them.
 */
export const reservedServerNames: readonly string[] = ['agent', 'team', 'workflow', 'a2a'];

export const isReservedServerName = (name: string) => reservedServerNames.includes(name);

/** The name is one our own tools take as their prefix (`reservedServerNames`). */
export class McpServerNameReservedError extends DomainError {
  readonly code = 'MCP_SERVER_NAME_RESERVED';
  readonly kind = 'invalid';
  constructor(name: string) {
    super(
      `"${name}" is reserved: Switchboard names tools ${name}__<name> itself (agents, teams, workflows, A2A agents); choose another name`,
      { field: 'name' },
    );
  }
}

/** A stdio server runs a command on this machine: only an admin (with the admin scope) may add or change one. */
export class StdioServerAdminOnlyError extends DomainError {
  readonly code = 'MCP_STDIO_ADMIN_ONLY';
  readonly kind = 'forbidden';
  constructor() {
    super('Only an admin may add or change a stdio MCP server: it runs a command on the server machine', {
      field: 'transport',
    });
  }
}

/** The change does not fit the server's transport (a URL for a stdio server, a command for an http one). */
export class WrongTransportFieldError extends DomainError {
  readonly code = 'INVALID_INPUT';
  readonly kind = 'invalid';
  constructor(field: string, transport: 'http' | 'stdio') {
    super(`${field}: not for a ${transport} server`, { field });
  }
}

/** The server's stored header or environment values cannot be decrypted (AUTH_SECRET changed): enter them again. */
export class McpServerSecretsUnreadableError extends DomainError {
  readonly code = 'MCP_SERVER_SECRETS_UNREADABLE';
  readonly kind = 'conflict';
  constructor(
    readonly serverId: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The stored header or environment values of MCP server ${serverId} cannot be decrypted (was AUTH_SECRET changed?); enter them again`,
      { field: 'headers', ...options },
    );
  }
}
