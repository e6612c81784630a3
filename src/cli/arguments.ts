import { parseArgs } from 'node:util';
import { type SettingKey, settings } from '../config.js';

export interface ParsedArguments {
  command: string | undefined;
  /** Words after the command (later commands take their own, e.g. `user add`). */
  rest: string[];
  help: boolean;
  version: boolean;
  /** Setting flags, by config key. */
  settingFlags: Partial<Record<SettingKey, string>>;
  /** The flags of commands such as `user add` (--email, --role, …), by flag name. */
  commandFlags: Partial<Record<CommandFlag, string>>;
  /** `--force` (restore over a database that holds data). */
  force: boolean;
}

/** Flags that commands (not settings) take. */
export const commandFlags = [
  'email',
  'password',
  'name',
  'role',
  'user',
  'scopes',
  'id',
  'expires-in-days',
  'api-key',
  'url',
  'out',
] as const;
export type CommandFlag = (typeof commandFlags)[number];

const settingKeys = Object.keys(settings) as SettingKey[];

/** Parses `switchboard [command] [--flags]`; throws a TypeError naming an unknown or malformed flag. */
export function parseArguments(argv: string[]): ParsedArguments {
  const options = Object.fromEntries(
    [...settingKeys.map((key) => settings[key].flag), ...commandFlags].map((flag) => [
      flag,
      { type: 'string' as const },
    ]),
  );
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...options,
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      force: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const settingFlags: Partial<Record<SettingKey, string>> = {};
  for (const key of settingKeys) {
    const value = (values as Record<string, unknown>)[settings[key].flag];
    if (typeof value === 'string') settingFlags[key] = value;
  }
  const commandValues: Partial<Record<CommandFlag, string>> = {};
  for (const flag of commandFlags) {
    const value = (values as Record<string, unknown>)[flag];
    if (typeof value === 'string') commandValues[flag] = value;
  }
  const [command, ...rest] = positionals;
  return {
    command,
    rest,
    help: values.help === true,
    version: values.version === true,
    force: values.force === true,
    settingFlags,
    commandFlags: commandValues,
  };
}
