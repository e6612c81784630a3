import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './config.js';
import { serializeError } from './log-error.js';

export type { Logger };

/**
 * JSON logs to stdout (stderr for commands whose stdout is data, such as `switchboard mcp`), or to a
 * stream of the caller's (tests read what the app logs).
 */
export function createLogger({
  level,
  destination = 'stdout',
}: {
  level: LogLevel;
  destination?: 'stdout' | 'stderr' | DestinationStream;
}): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      serializers: { err: serializeError },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'databaseUrl'], censor: '***' },
    },
    typeof destination === 'string'
      ? pino.destination({ fd: destination === 'stdout' ? 1 : 2, sync: true })
      : destination,
  );
}
