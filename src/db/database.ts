import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { MigrateOptions } from './migrate.js';
import type * as schema from './schema.js';

/** The Drizzle database (node-postgres driver), on the embedded server and on a shared Postgres alike. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface ConnectionStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  /** The most connections the pool opens. */
  readonly max: number;
}

/** A notification listener's stop function. */
export type Unlisten = () => Promise<void>;

/** An open database: Drizzle on top, plus what the server needs around it. */
export interface DatabaseHandle {
  readonly kind: 'embedded' | 'postgres';
  readonly db: Database;
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  /**
   * The connection URL, password included, for libraries that open their own connections to the
   * same server (the durable engine). Never print or log it: `location` is the printable form.
   */
  readonly url: string;
  /** Brings the schema up to the committed migrations (`options`: another journal, a hook before applying). */
  migrate(options?: MigrateOptions): Promise<void>;
  /**
   * One round trip; rejects when the database does not answer. It resolves with the driver's own
   * answer, which means nothing: passed on as it is, with no promise wrapped around it for /readyz.
   */
  ping(): Promise<unknown>;
  stats(): ConnectionStats;
  /** Runs `onPayload` for every NOTIFY on `channel`, from any process sharing the database. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  /** Embedded only: writes the server's address into the data directory's lock, so a second process can name it. */
  recordServerUrl(url: string): void;
  close(): Promise<void>;
}
