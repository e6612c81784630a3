import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../identity/table.js';

/**
 * Users' external MCP servers. `headers` and `env` hold secrets (API keys): they are read to
 * connect and never returned. An http server has `url`; a stdio server (admins only) has `command`.
 */
export const mcpServers = pgTable(
  'mcp_servers',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    transport: text('transport', { enum: ['http', 'stdio'] }).notNull(),
    url: text('url'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    command: text('command'),
    args: jsonb('args').$type<string[]>().notNull(),
    env: jsonb('env').$type<Record<string, string>>().notNull(),
    enabled: boolean('enabled').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('mcp_servers_owner_name_idx').on(table.ownerId, table.name),
    index('mcp_servers_owner_idx').on(table.ownerId, table.id),
  ],
);

export type McpServerRow = typeof mcpServers.$inferSelect;
