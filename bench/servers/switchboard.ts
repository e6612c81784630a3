/** Switchboard itself, for benchmarks: the whole app on the database given by DATA_DIR / DATABASE_URL. */
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServedApp, listenServed } from './served-app.js';

const result = readConfig({ env: process.env, flags: {} });
if (!result.ok) throw new Error(result.problems.join('\n'));
const app = await createServedApp({
  config: result.config,
  logger: createLogger({ level: 'silent' }),
});
const url = await listenServed(app);
// Measured once the background warm-ups (the assistant's libraries) are done: they would take the
// CPU of the first seconds of load. bench/start.bench.ts measures the start itself.
await app.warmedUp();
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
