import type { Scope } from '../actor.js';
import { type SettingKey, settings } from '../config.js';
import { version } from '../version.js';

export const commands = {
  serve: 'Run the server (the default command)',
  migrate: 'Bring the database schema up to date, then exit',
  'user add':
    'Create an account: --email E --password P|- [--name N] [--role admin|user] (- reads the password from stdin)',
  'user list': 'List every account',
  'apikey create':
    'Create an API key and print it: --user EMAIL --name N [--scopes mcp,api:read,api:write,admin] (default mcp,api:read) [--expires-in-days D]',
  'apikey revoke': 'Revoke an API key: --id ID',
  backup:
    'Write a backup of the database and the user files in DATA_DIR: --out FILE (works while the server runs)',
  restore:
    'Restore a backup into an empty DATA_DIR or DATABASE_URL: restore FILE [--force] (--force replaces what is there)',
  mcp: 'MCP over stdio as the user of SWITCHBOARD_API_KEY (or --api-key); relays to SWITCHBOARD_URL (or --url) when a server answers there',
} as const;

/** What each API key scope lets the key do; a Record, so a new scope cannot go unexplained. */
export const scopeUses: Record<Scope, string> = {
  'api:read': 'read your data over REST (GET /api/v1/…)',
  'api:write': 'change your data over REST, and chat (/api/v1/chat, /v1/chat/completions, /v1/models)',
  mcp: 'the MCP server (/mcp, and switchboard mcp over stdio)',
  admin: 'the admin routes (/api/v1/admin/…; only on an administrator’s key)',
};

/** The text of `switchboard --help`, built from the command list and the settings table. */
export function helpText(): string {
  const commandLines = Object.entries(commands).map(([name, about]) => `  ${name.padEnd(14)} ${about}`);
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
    'API key scopes (--scopes of apikey create, comma-separated):',
    ...Object.entries(scopeUses).map(([scope, use]) => `  ${scope.padEnd(14)} ${use}`),
    '',
    'Options (each also read from the environment variable beside it; a flag wins):',
    ...settingLines,
    `  --${'help'.padEnd(22)} ${''.padEnd(22)} Show this help`,
    `  --${'version'.padEnd(22)} ${''.padEnd(22)} Print the version`,
    '',
  ].join('\n');
}
