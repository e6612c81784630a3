import type pg from 'pg';
import { skippedSchemas, skippedTables } from './format.js';

export interface CatalogTable {
  readonly schema: string;
  readonly table: string;
  readonly columns: string[];
}

export interface CatalogSequence {
  readonly schema: string;
  readonly sequence: string;
}

/** `"schema"."name"`, safely quoted. */
export function qualified(schema: string, name: string): string {
  return `${quote(schema)}.${quote(name)}`;
}

export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * Every base table of ours (all schemas but Postgres's own and drizzle's journal) with its stored
 * columns in order, parents before the tables whose foreign keys point at them, so a restore that
 * cannot switch foreign keys off still loads in an order they accept.
 */
export async function listTables(client: pg.ClientBase): Promise<CatalogTable[]> {
  const { rows } = await client.query<{ schema: string; table: string; columns: string[] }>(
    `select n.nspname as schema, c.relname as table,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname <> all($1::text[]) and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast%'
      group by n.nspname, c.relname
      order by n.nspname, c.relname`,
    [skippedSchemas],
  );
  const tables = rows.filter((row) => !skippedTables.has(`${row.schema}.${row.table}`));
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
       from pg_constraint k
       join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
       join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
      where k.contype = 'f' and k.conrelid <> k.confrelid`,
  );
  return parentsFirst(tables, references);
}

/** Orders tables so each comes after the tables it references; a cycle keeps the catalog's order for its members. */
function parentsFirst<T extends { schema: string; table: string }>(
  tables: T[],
  references: { child: string; parent: string }[],
): T[] {
  const byName = new Map(tables.map((table) => [`${table.schema}.${table.table}`, table]));
  const parents = new Map<string, string[]>();
  for (const { child, parent } of references) {
    if (byName.has(child) && byName.has(parent)) parents.set(child, [...(parents.get(child) ?? []), parent]);
  }
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, table: T) => {
    if (state.get(name)) return;
    state.set(name, 'visiting');
    for (const parent of parents.get(name) ?? []) {
      const parentTable = byName.get(parent);
      if (parentTable) visit(parent, parentTable);
    }
    state.set(name, 'done');
    ordered.push(table);
  };
  for (const [name, table] of byName) visit(name, table);
  return ordered;
}

/** The sequences of those schemas (serial and identity columns' among them). */
export async function listSequences(client: pg.ClientBase): Promise<CatalogSequence[]> {
  const { rows } = await client.query<CatalogSequence>(
    `select n.nspname as schema, c.relname as sequence
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and n.nspname <> all($1::text[]) and n.nspname not like 'pg_temp%'
      order by 1, 2`,
    [skippedSchemas],
  );
  return rows;
}

/** Counts the rows of every listed table: zero everywhere is an empty database. */
export async function countRows(client: pg.ClientBase, tables: CatalogTable[]): Promise<number> {
  let total = 0;
  for (const table of tables) {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) as count from ${qualified(table.schema, table.table)}`,
    );
    total += Number(rows[0]?.count ?? 0);
  }
  return total;
}
