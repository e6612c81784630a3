import { createApp } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { version } from '../version.js';
import { exitCodes } from './exit-codes.js';
import { boundHeapGrowth } from './heap-growth.js';

/** `switchboard serve`: runs until SIGTERM or SIGINT, then shuts down gracefully. */
export async function serveCommand({ config, logger }: { config: Config; logger: Logger }): Promise<number> {
  const app = await createApp({ config, logger, command: 'switchboard serve', engine: true });
  const url = await app.listen();
  // Once listening, not before the import: bounded from the start, the old generation was
  // collected four times while the modules loaded (V8's own factor: twice).
  boundHeapGrowth();
  logger.info(
    { url, publicUrl: config.publicUrl, database: app.database.location, version },
    `Switchboard ${version} listening on ${url}`,
  );

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  process.removeAllListeners('SIGTERM').removeAllListeners('SIGINT');
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  const stopNow = () => {
    logger.warn('second signal: stopping now');
    process.exit(exitCodes.failed);
  };
  process.once('SIGTERM', stopNow).once('SIGINT', stopNow);
  await app.close();
  logger.info('stopped');
  return exitCodes.ok;
}
