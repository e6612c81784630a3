/**
 * The baseline: a bare Fastify server whose /readyz runs the same one-round-trip query on the same
 * kind of database, with none of Switchboard's hooks, validation, metrics or logging.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

const databaseUrl = process.env.DATABASE_URL;
const query: () => Promise<unknown> = databaseUrl
  ? (
      (pool) => () =>
        pool.query('select 1')
    )(new pg.Pool({ connectionString: databaseUrl, max: 10 }))
  : (
      (client) => () =>
        client.query('select 1')
    )(await PGlite.create(path.join(process.env.DATA_DIR ?? '.', 'pglite')));

const app = Fastify();
app.get('/readyz', async () => {
  await query();
  return { status: 'ready' };
});
process.stdout.write(`${JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) })}\n`);
process.once('SIGTERM', () => process.exit(0));
