import { parseArguments } from './cli/arguments.js';
import { type CommandContext, UsageError } from './cli/command.js';
import { exitCodes } from './cli/exit-codes.js';
import { helpText } from './cli/help.js';
import { capYoungGeneration } from './cli/young-generation.js';
import { readConfig } from './config.js';
import { DomainError } from './errors.js';
import { createLogger } from './logger.js';
import { version, versionLine } from './version.js';

/**
 * The `switchboard` command. Returns the exit status: 0 done, 1 failed, 2 bad usage or config.
 * Messages for people go to stderr; stdout carries logs (serve) or the command's output.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (parsed.version) return print(`switchboard ${versionLine()}\n`);
  if (parsed.help || parsed.command === 'help') return print(helpText());

  const command = parsed.command ?? 'serve';
  const run = Object.hasOwn(runners, command) ? runners[command] : undefined;
  if (!run) return usageError(`Unknown command "${command}".`);
  const result = readConfig({ env, flags: parsed.settingFlags });
  if (!result.ok) {
    process.stderr.write(
      `switchboard: the configuration is not valid:\n${result.problems.map((line) => `  ${line}\n`).join('')}`,
    );
    return exitCodes.usage;
  }
  // The server logs to stdout; other commands print their results there, so their logs go to stderr.
  const logger =
    command === 'serve'
      ? createLogger({ level: result.config.logLevel })
      : createLogger({ level: 'warn', destination: 'stderr' });
  // The young generation's cap, before the server's modules are imported: V8 grows it to its
  // largest while they load, and would not give it back under load. (The old generation's bound
  // is set once the server listens: see serve.ts.)
  if (command === 'serve') capYoungGeneration();
  // Before the command's modules are imported: the instrumentations see only later imports.
  const tracing =
    command === 'serve' && result.config.otelEndpoint
      ? await (
          await import('./telemetry/start-tracing.js')
        ).startTracing({
          endpoint: result.config.otelEndpoint,
          instanceId: result.config.instanceId,
          version,
        })
      : undefined;
  try {
    return await run({ config: result.config, logger, args: parsed });
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    if (!(error instanceof DomainError)) logger.fatal({ err: error }, `${command} failed`);
    process.stderr.write(`switchboard: ${describe(error)}\n`);
    return exitCodes.failed;
  } finally {
    await tracing?.shutdown().catch((error) => logger.warn({ err: error }, 'could not send the last spans'));
  }
}

/** Each command's module is imported when it runs: `serve` does not load the stdio bridge, nor `mcp` the server. */
const runners: Record<string, (context: CommandContext) => Promise<number>> = {
  serve: async (context) => (await import('./cli/serve.js')).serveCommand(context),
  migrate: async (context) => (await import('./cli/migrate.js')).migrateCommand(context),
  user: async (context) => (await import('./cli/user.js')).userCommand(context),
  apikey: async (context) => (await import('./cli/apikey.js')).apikeyCommand(context),
  mcp: async (context) => (await import('./cli/mcp.js')).mcpCommand(context),
  backup: async (context) => (await import('./cli/backup.js')).backupCommand(context),
  restore: async (context) => (await import('./cli/restore.js')).restoreCommand(context),
};

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error && !(error instanceof DomainError) ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

function print(text: string): number {
  process.stdout.write(text);
  return exitCodes.ok;
}

function usageError(message: string): number {
  process.stderr.write(`switchboard: ${message} Run "switchboard --help" for usage.\n`);
  return exitCodes.usage;
}
