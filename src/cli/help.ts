import { type SettingKey, settings } from '../config.js';
import { version } from '../version.js';

export const commands = {
  serve: 'Run the server (the default command)',
  migrate: 'Bring the database schema up to date, then exit',
} as const;

/** The text of `switchboard --help`, built from the command list and the settings table. */
export function helpText(): string {
  const commandLines = Object.entries(commands).map(([name, about]) => `  ${name.padEnd(10)} ${about}`);
  const settingLines = (Object.keys(settings) as SettingKey[]).map((key) => {
    const { env, flag, about, default: fallback } = settings[key];
    return `  --${flag.padEnd(22)} ${env.padEnd(22)} ${about} (default ${fallback})`;
  });
  return [
    `Switchboard ${version}: a self-hosted, multi-user AI workspace and MCP server`,
    '',
    'Usage: switchboard [command] [options]',
    '',
    'Commands:',
    ...commandLines,
    '',
    'Options (each also read from the environment variable beside it; a flag wins):',
    ...settingLines,
    `  --${'help'.padEnd(22)} ${''.padEnd(22)} Show this help`,
    `  --${'version'.padEnd(22)} ${''.padEnd(22)} Print the version`,
    '',
  ].join('\n');
}
