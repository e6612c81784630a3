/**
 * Switchboard with the fixture tools and four users, each with 50 tasks and an API key, for the
 * MCP benchmark (a user keeps at most 20 sessions open, so 32 clients need more than one).
 * Prints {url, keys} once listening.
 */
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServedApp, listenServed } from './served-app.js';
import { benchUsers } from './bench-users.js';

const result = readConfig({ env: { ...process.env, MCP_FIXTURES: 'true' }, flags: {} });
if (!result.ok) throw new Error(result.problems.join('\n'));
const app = await createServedApp({
  config: result.config,
  logger: createLogger({ level: 'silent' }),
});
const keys = await benchUsers(app, {
  prefix: 'bench',
  scopes: ['mcp'],
  prepare: async (actor) => {
    for (let n = 0; n < 50; n++)
      await app.tasks.add(actor, { title: `Task ${n}`, tags: n % 2 ? ['odd'] : [] });
  },
});
const url = await listenServed(app);
// Measured once the background warm-ups (the assistant's libraries) are done: they would take the
// CPU of the first seconds of load. bench/start.bench.ts measures the start itself.
await app.warmedUp();
process.stdout.write(`${JSON.stringify({ url, keys })}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
