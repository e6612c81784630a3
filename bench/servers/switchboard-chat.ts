/**
 * Switchboard whose model is the fake OpenAI-compatible server named by MODEL_BASE_URL (or
 * BENCH_MODEL, such as `offline` for the built-in assistant), with four users holding API keys, for
 * the chat benchmark. Prints {url, keys} once listening.
 */
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServedApp, listenServed } from './served-app.js';
import { benchUsers } from './bench-users.js';

const result = readConfig({
  env: { ...process.env, MODEL: process.env.BENCH_MODEL ?? 'openai-compatible:fake-model' },
  flags: {},
});
if (!result.ok) throw new Error(result.problems.join('\n'));
const app = await createServedApp({
  config: result.config,
  logger: createLogger({
    level: process.env.BENCH_LOG_LEVEL === 'error' ? 'error' : 'silent',
    destination: 'stderr',
  }),
});
const keys = await benchUsers(app, { prefix: 'chat', scopes: ['api:read', 'api:write'] });
process.stdout.write(`${JSON.stringify({ url: await listenServed(app), keys })}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
