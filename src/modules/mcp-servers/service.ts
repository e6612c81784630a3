import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../actor.js';
import { cursorPosition, pageFrom } from '../../db/cursor.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { FetchPolicy } from '../../net/fetch-url.js';
import { checkUrlAllowed } from '../../net/guarded-lookup.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { ServiceDeps } from '../../service-deps.js';
import { requireUser } from '../../actor-policy.js';
import { type McpServerConnections, unknownStatus } from './service/connections.js';
import {
  McpServerNameReservedError,
  McpServerNameTakenError,
  McpServerNotFoundError,
  McpServerSecretsUnreadableError,
  isReservedServerName,
  WrongTransportFieldError,
} from './errors.js';
import { requireStdioAdmin } from './policy.js';
import { toConfig, toMcpServer, unmasked } from './service/rows.js';
import { sealValues } from './service/secrets.js';
import {
  maskedValue,
  type CreateMcpServerInput,
  createMcpServerInputSchema,
  type ListMcpServersQuery,
  listMcpServersQuerySchema,
  type McpServer,
  type McpServerPage,
  type McpServerStatus,
  type McpServerTools,
  type UpdateMcpServerInput,
  updateMcpServerInputSchema,
} from './schema.js';
import { type McpServerRow, mcpServers } from './table.js';
import './events.js';
import type { FeatureGate } from '../../features/index.js';

export interface McpServerServiceDeps extends ServiceDeps {
  fetchPolicy: FetchPolicy;
  /** The client hub: connection status and tools. */
  connections: McpServerConnections;
  /** Seals header and environment values at rest (key from AUTH_SECRET, see mcpServerSecretPurpose). */
  secrets: SecretBox;
  /** While an admin has external MCP servers switched off, their tools are gone and the rest answers FEATURE_DISABLED. */
  features: FeatureGate;
}

const nameIndex = 'mcp_servers_owner_name_idx';
const disabledStatus: McpServerStatus = { ...unknownStatus, message: 'The server is disabled' };
/**
 * A server stored before its name became reserved stays off: its tools would take a name of our
 * own (`agent__writer`) and run as that, without the approval our own tool asks for.
 */
const reservedNameStatus = (name: string): McpServerStatus => ({
  ...unknownStatus,
  state: 'error',
  code: 'MCP_SERVER_NAME_RESERVED',
  message: `Disabled: "${name}" is now reserved for Switchboard's own tools; rename the server to use its tools`,
});
const httpFields = ['url', 'headers'] as const;
const stdioFields = ['command', 'args', 'env'] as const;

/**
 * Each user's external MCP servers: their own only (another user's is not found). Headers and
 * environment values are stored and never returned; stdio servers are for admins.
 */
export function createMcpServerService({
  db,
  clock,
  ids,
  bus,
  fetchPolicy,
  connections,
  secrets,
  features,
}: McpServerServiceDeps) {
  async function loadOwned(database: Database, actor: Actor, serverId: string, lock = false) {
    const { userId } = requireUser(actor);
    await features.require('external_mcp_servers');
    const query = database
      .select()
      .from(mcpServers)
      .where(and(eq(mcpServers.id, serverId), eq(mcpServers.ownerId, userId)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new McpServerNotFoundError(serverId);
    return row;
  }

  /**
   * The server's stored values, decrypted. When they cannot be (AUTH_SECRET changed), a change that
   * replaces all of them with new values may still go through: that is how they are entered again.
   */
  function storedSecrets(row: McpServerRow, changes: UpdateMcpServerInput) {
    try {
      return toConfig(row, secrets);
    } catch (error) {
      const replaced = (values: Record<string, string> | undefined, before: Record<string, string>) =>
        values === undefined
          ? Object.keys(before).length === 0
          : !Object.values(values).includes(maskedValue);
      if (
        error instanceof McpServerSecretsUnreadableError &&
        replaced(changes.headers, row.headers) &&
        replaced(changes.env, row.env)
      )
        return { headers: {}, env: {} };
      throw error;
    }
  }

  const statusOf = (row: McpServerRow) =>
    isReservedServerName(row.name)
      ? reservedNameStatus(row.name)
      : row.enabled
        ? connections.status(row.id)
        : disabledStatus;
  const show = (row: McpServerRow) => toMcpServer(row, statusOf(row));
  /** A name our own tools take as their prefix would make tools that shadow them. */
  const refuseReserved = (name: string | undefined) => {
    if (name !== undefined && isReservedServerName(name)) throw new McpServerNameReservedError(name);
  };
  const nameTaken = (error: unknown, name: string | undefined) =>
    isUniqueViolation(error, nameIndex) ? new McpServerNameTakenError(name ?? '') : error;

  return {
    /** Adds a server. An http URL must pass the address policy; a stdio server needs an admin. */
    async create(actor: Actor, input: CreateMcpServerInput): Promise<McpServer> {
      const user = requireUser(actor);
      await features.require('external_mcp_servers');
      const fields = createMcpServerInputSchema.parse(input);
      refuseReserved(fields.name);
      if (fields.transport === 'stdio') requireStdioAdmin(user);
      if (fields.url) await checkUrlAllowed(new URL(fields.url), fetchPolicy.allowedHosts);
      const now = clock.now();
      const id = ids();
      const [row] = await db
        .insert(mcpServers)
        .values({
          id,
          ownerId: user.userId,
          name: fields.name,
          transport: fields.transport,
          url: fields.url ?? null,
          headers: sealValues(secrets, id, 'headers', fields.headers ?? {}),
          command: fields.command ?? null,
          args: fields.args ?? [],
          env: sealValues(secrets, id, 'env', fields.env ?? {}),
          enabled: fields.enabled,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .catch((error: unknown) => {
          throw nameTaken(error, fields.name);
        });
      if (!row) throw new Error('The MCP server was not stored');
      await bus.publish(actor, 'mcp_server.created', {
        server_id: row.id,
        owner_id: row.ownerId,
        name: row.name,
      });
      return show(row);
    },

    /** The actor's servers, newest first, a page at a time. */
    async list(actor: Actor, query: ListMcpServersQuery): Promise<McpServerPage> {
      const { userId } = requireUser(actor);
      await features.require('external_mcp_servers');
      const { limit, cursor } = listMcpServersQuerySchema.parse(query);
      const conditions: SQL[] = [eq(mcpServers.ownerId, userId)];
      if (cursor) conditions.push(lt(mcpServers.id, cursorPosition(cursor)));
      const rows = await db
        .select()
        .from(mcpServers)
        .where(and(...conditions))
        .orderBy(desc(mcpServers.id))
        .limit(limit + 1);
      const { items, nextCursor } = pageFrom(rows, limit, show);
      return { items, next_cursor: nextCursor };
    },

    async get(actor: Actor, serverId: string): Promise<McpServer> {
      return show(await loadOwned(db, actor, serverId));
    },

    /** Changes the given fields; headers and env are replaced whole, a masked value keeping its stored one. */
    async update(actor: Actor, serverId: string, input: UpdateMcpServerInput): Promise<McpServer> {
      const user = requireUser(actor);
      const changes = updateMcpServerInputSchema.parse(input);
      refuseReserved(changes.name);
      if (changes.url) await checkUrlAllowed(new URL(changes.url), fetchPolicy.allowedHosts);
      const row = await db
        .transaction(async (transaction) => {
          const current = await loadOwned(transaction, user, serverId, true);
          if (current.transport === 'stdio') requireStdioAdmin(user);
          const foreign = current.transport === 'http' ? stdioFields : httpFields;
          for (const field of foreign) {
            if (changes[field] !== undefined) throw new WrongTransportFieldError(field, current.transport);
          }
          // Every write stores the values sealed again, so one kept in plain text from before is sealed too.
          const stored = storedSecrets(current, changes);
          const headers =
            changes.headers === undefined ? stored.headers : unmasked(changes.headers, stored.headers);
          const env = changes.env === undefined ? stored.env : unmasked(changes.env, stored.env);
          const [updated] = await transaction
            .update(mcpServers)
            .set({
              ...(changes.name !== undefined && { name: changes.name }),
              ...(changes.url !== undefined && { url: changes.url }),
              headers: sealValues(secrets, serverId, 'headers', headers),
              ...(changes.command !== undefined && { command: changes.command }),
              ...(changes.args !== undefined && { args: changes.args }),
              env: sealValues(secrets, serverId, 'env', env),
              ...(changes.enabled !== undefined && { enabled: changes.enabled }),
              updatedAt: clock.now(),
            })
            .where(eq(mcpServers.id, serverId))
            .returning();
          if (!updated) throw new McpServerNotFoundError(serverId);
          return updated;
        })
        .catch((error: unknown) => {
          throw nameTaken(error, changes.name);
        });
      const changed = Object.keys(changes).filter(
        (key) => changes[key as keyof typeof changes] !== undefined,
      );
      await bus.publish(actor, 'mcp_server.updated', {
        server_id: serverId,
        owner_id: row.ownerId,
        changes: changed,
      });
      return show(row);
    },

    /** Deletes the server; its connection closes. */
    async delete(actor: Actor, serverId: string): Promise<McpServer> {
      const current = await loadOwned(db, actor, serverId);
      await db
        .delete(mcpServers)
        .where(and(eq(mcpServers.id, serverId), eq(mcpServers.ownerId, current.ownerId)));
      await bus.publish(actor, 'mcp_server.deleted', { server_id: serverId, owner_id: current.ownerId });
      return show(current);
    },

    /** What this instance knows of the server's connection, without connecting. */
    async status(actor: Actor, serverId: string): Promise<McpServerStatus> {
      return statusOf(await loadOwned(db, actor, serverId));
    },

    /** The server's tools, connecting if needed (`refresh`: reconnect and list again now). */
    async tools(actor: Actor, serverId: string, { refresh = false } = {}): Promise<McpServerTools> {
      const user = requireUser(actor);
      const row = await loadOwned(db, user, serverId);
      if (isReservedServerName(row.name) || !row.enabled) return { items: [], status: statusOf(row) };
      return connections.tools(user, toConfig(row, secrets), { refresh });
    },

    /** Reconnects and lists the tools again; answers the server with its new status. */
    async refresh(actor: Actor, serverId: string): Promise<McpServer> {
      await this.tools(actor, serverId, { refresh: true });
      return this.get(actor, serverId);
    },

    /**
     * The actor's enabled servers with their secrets, for the client hub only. A server whose
     * secrets cannot be decrypted is left out (its own tools call says why).
     */
    async enabledFor(actor: Actor) {
      const { userId } = requireUser(actor);
      if (!(await features.isEnabled('external_mcp_servers'))) return [];
      const rows = await db
        .select()
        .from(mcpServers)
        .where(and(eq(mcpServers.ownerId, userId), eq(mcpServers.enabled, true)))
        .orderBy(mcpServers.name);
      return rows.flatMap((row) => {
        if (isReservedServerName(row.name)) return [];
        try {
          return [toConfig(row, secrets)];
        } catch (error) {
          if (error instanceof McpServerSecretsUnreadableError) return [];
          throw error;
        }
      });
    },
  };
}

export type McpServerService = ReturnType<typeof createMcpServerService>;
