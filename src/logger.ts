import { type Logger, pino } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** JSON logs to stdout (stderr for commands whose stdout is data, such as `switchboard mcp`). */
export function createLogger({
  level,
  destination = 'stdout',
}: {
  level: LogLevel;
  destination?: 'stdout' | 'stderr';
}): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'databaseUrl'], censor: '***' },
    },
    pino.destination({ fd: destination === 'stdout' ? 1 : 2, sync: true }),
  );
}
