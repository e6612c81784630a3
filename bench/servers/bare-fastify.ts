/**
 * The baseline: a bare Fastify server whose /readyz runs the same one-round-trip query on the same
 * Postgres (DATABASE_URL), with none of Switchboard's hooks, validation, metrics or logging.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const app = Fastify();
app.get('/readyz', async () => {
  await pool.query('select 1');
  return { status: 'ready' };
});
process.stdout.write(`${JSON.stringify({ url: await app.listen({ port: 0, host: '127.0.0.1' }) })}\n`);
process.once('SIGTERM', () => process.exit(0));
