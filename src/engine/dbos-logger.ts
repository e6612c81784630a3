import type { DLogger } from '@dbos-inc/dbos-sdk';
import type { Logger } from '../logger.js';

/** DBOS's log lines go to our logger (JSON, our level), tagged `component: engine`. */
export function dbosLogger(logger: Logger): DLogger {
  const engineLog = logger.child({ component: 'engine' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (entry: unknown) => {
    if (entry instanceof Error) engineLog[level]({ err: entry }, entry.message);
    else if (typeof entry === 'string') engineLog[level](entry);
    else engineLog[level]({ entry }, 'engine');
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
