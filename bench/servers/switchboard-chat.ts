/**
 * Switchboard whose model is the fake OpenAI-compatible server named by MODEL_BASE_URL, with four
 * users holding API keys, for the chat benchmark. Prints {url, keys} once listening.
 */
import { actingAs, systemActor } from '../../src/actor.js';
import { createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const result = readConfig({ env: { ...process.env, MODEL: 'openai-compatible:fake-model' }, flags: {} });
if (!result.ok) throw new Error(result.problems.join('\n'));
const app = await createApp({
  config: result.config,
  logger: createLogger({ level: 'silent' }),
  command: 'bench',
});
const keys: string[] = [];
for (let u = 0; u < 4; u++) {
  const user = await app.identity.users.create(systemActor, {
    email: `chat${u}@example.com`,
    password: 'benchmark password',
    name: `Chat ${u}`,
  });
  const actor = actingAs({ userId: user.id, role: user.role });
  keys.push(
    (await app.identity.apiKeys.create(actor, { name: 'bench', scopes: ['api:read', 'api:write'] })).key,
  );
}
process.stdout.write(`${JSON.stringify({ url: await app.listen(), keys })}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
