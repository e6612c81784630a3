import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { version } from '../version.js';
import { createEngine, type Engine } from './engine.js';
import { resolveExecutorId } from './executor-id.js';

/**
 * The app's durable engine, configured but not launched (the modules register their workflows
 * first), on the app's own Postgres: the embedded server or DATABASE_URL.
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
}): Engine {
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
