import path from 'node:path';
import { z } from 'zod';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const megabyte = 1024 * 1024;

/**
 * Every setting: its environment variable, its command-line flag, what it accepts and what it is for.
 * The help text, the README table and the config errors are all read from here.
 */
export const settings = {
  port: {
    env: 'PORT',
    flag: 'port',
    allowed: 'an integer from 0 to 65535',
    default: '3000',
    about: 'TCP port to listen on (0 picks a free one)',
  },
  host: {
    env: 'HOST',
    flag: 'host',
    allowed: 'a host name or IP address',
    default: '127.0.0.1',
    about: 'Address to listen on; 0.0.0.0 for every interface',
  },
  dataDir: {
    env: 'DATA_DIR',
    flag: 'data-dir',
    allowed: 'a directory path',
    default: './data',
    about: 'Where the embedded database and files live',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    flag: 'database-url',
    allowed: 'a postgres:// or postgresql:// URL',
    default: '(embedded)',
    about: 'A shared Postgres; unset uses the embedded database in DATA_DIR',
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    flag: 'public-url',
    allowed: 'an http:// or https:// URL',
    default: 'http://HOST:PORT',
    about: 'The address users reach this instance at',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    flag: 'log-level',
    allowed: logLevels.join(', '),
    default: 'info',
    about: 'Least severe log level written',
  },
  bodyLimit: {
    env: 'BODY_LIMIT',
    flag: 'body-limit',
    allowed: 'an integer number of bytes from 1024 to 1073741824',
    default: String(megabyte),
    about: 'Largest request body accepted',
  },
  eventRetentionDays: {
    env: 'EVENT_RETENTION_DAYS',
    flag: 'event-retention-days',
    allowed: 'an integer from 1 to 3650',
    default: '30',
    about: 'How long event history is kept',
  },
  shutdownTimeoutMs: {
    env: 'SHUTDOWN_TIMEOUT_MS',
    flag: 'shutdown-timeout-ms',
    allowed: 'an integer from 0 to 600000',
    default: '10000',
    about: 'How long shutdown waits for in-flight requests',
  },
} as const;

export type SettingKey = keyof typeof settings;

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSchema = z.object({
  port: integer(0, 65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  logLevel: z.enum(logLevels).default('info'),
  bodyLimit: integer(1024, 1024 * megabyte).default(megabyte),
  eventRetentionDays: integer(1, 3650).default(30),
  shutdownTimeoutMs: integer(0, 600_000).default(10_000),
} satisfies Record<SettingKey, z.ZodType>);

export type ConfigInput = z.input<typeof configSchema>;

export interface Config extends Omit<z.output<typeof configSchema>, 'publicUrl'> {
  /** Always set: derived from HOST and PORT when not given. No trailing slash. */
  readonly publicUrl: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Builds the config from raw values (environment and flags merged), or says what is wrong with each key. */
export function parseConfig(raw: Partial<Record<SettingKey, string | number | undefined>>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeProblem(issue, present));
    return { ok: false, problems: [...new Set(problems)] };
  }
  const { publicUrl, dataDir, ...rest } = parsed.data;
  return {
    ok: true,
    config: {
      ...rest,
      dataDir: path.resolve(dataDir),
      publicUrl: (publicUrl ?? `http://${urlHost(rest.host)}:${rest.port}`).replace(/\/+$/, ''),
    },
  };
}

/** Reads settings from environment variables; flags (already parsed) take precedence. */
export function readConfig({
  env,
  flags,
}: {
  env: NodeJS.ProcessEnv;
  flags: Partial<Record<SettingKey, string>>;
}): ConfigResult {
  const raw: Partial<Record<SettingKey, string | undefined>> = {};
  for (const key of Object.keys(settings) as SettingKey[]) {
    raw[key] = flags[key] ?? env[settings[key].env];
  }
  return parseConfig(raw);
}

function describeProblem(issue: z.core.$ZodIssue, present: Record<string, unknown>): string {
  const key = String(issue.path[0]) as SettingKey;
  const setting = settings[key];
  const value = present[key];
  const shown = key === 'databaseUrl' ? redactUrl(String(value)) : JSON.stringify(value);
  return `${setting.env}=${shown} is invalid: ${issue.message}. Allowed: ${setting.allowed}.`;
}

/** Hides the password in a database URL so it never reaches a terminal or a log. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
