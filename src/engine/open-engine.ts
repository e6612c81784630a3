import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { version } from '../version.js';
import { createEngine, type Engine } from './engine.js';
import { resolveExecutorId } from './executor-id.js';

/**
 * The app's durable engine, configured but not launched (the modules register their workflows
 * first). Undefined, with one log line, on a database that cannot host DBOS: PGlite has one
 * connection and no LISTEN/NOTIFY for other clients (dbos-transact-ts#784).
 */
export function openEngine({
  config,
  database,
  logger,
  metrics,
}: {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  metrics: Metrics;
}): Engine | undefined {
  if (!database.url) {
    logger.warn(
      { database: database.location },
      'durable engine off: this embedded database cannot host DBOS; set DATABASE_URL to a Postgres to run workflows',
    );
    return undefined;
  }
  return createEngine({
    db: database.db,
    url: database.url,
    executorId: resolveExecutorId({ instanceId: config.instanceId, dataDir: config.dataDir }),
    heartbeatMs: config.engineHeartbeatMs,
    deadAfterMs: config.engineDeadAfterMs,
    version,
    // The HTTP requests had their SHUTDOWN_TIMEOUT_MS before; the workflows get half as long again.
    drainMs: Math.round(config.shutdownTimeoutMs / 2),
    logger,
    metrics,
  });
}
