import type { App } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ParsedArguments } from './arguments.js';

/** What every command gets. */
export interface CommandContext {
  config: Config;
  logger: Logger;
  args: ParsedArguments;
}

/** A wrong command line: the message is shown with a pointer to --help, and the exit code is 2. */
export class UsageError extends Error {}

/** Runs `work` with the whole app built (not listening), then closes it. */
export async function withApp<T>(
  { config, logger }: CommandContext,
  command: string,
  work: (app: App) => Promise<T>,
): Promise<T> {
  // Imported here, not at the top: src/cli.ts imports this file, and the app's modules (pg, http)
  // must load after tracing has started, or its instrumentations never see them.
  const { createApp } = await import('../app.js');
  const app = await createApp({ config, logger, command });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** A flag the command cannot do without. */
export function required(args: ParsedArguments, flag: keyof ParsedArguments['commandFlags']): string {
  const value = args.commandFlags[flag];
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required.`);
  return value;
}
