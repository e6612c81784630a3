import { isIPv4 } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { featureNames, featureNameSchema } from './features/schema.js';

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
  signupPolicy: {
    env: 'SIGNUP_POLICY',
    flag: 'signup-policy',
    allowed: 'open, invite or closed',
    default: 'invite',
    about: 'Who may create an account: anyone, holders of an invite link, or only admins',
  },
  featuresDisabled: {
    env: 'FEATURES_DISABLED',
    flag: 'features-disabled',
    allowed: `a comma-separated list of: ${featureNames.join(', ')}`,
    default: '(none)',
    about:
      'Features switched off until an admin switches them on in the app (Admin → Features), which then holds for every instance',
  },
  authSecret: {
    env: 'AUTH_SECRET',
    flag: 'auth-secret',
    allowed: 'at least 32 characters',
    default: '(generated, kept in the database)',
    about: 'Signs session cookies and tokens; every instance on one database must share it',
  },
  sessionTtlHours: {
    env: 'SESSION_TTL_HOURS',
    flag: 'session-ttl-hours',
    allowed: 'an integer from 1 to 8760',
    default: '24',
    about: 'A session ends after this long without use',
  },
  passwordMinLength: {
    env: 'PASSWORD_MIN_LENGTH',
    flag: 'password-min-length',
    allowed: 'an integer from 8 to 128',
    default: '10',
    about: 'Shortest password accepted',
  },
  signInMaxFailures: {
    env: 'SIGN_IN_MAX_FAILURES',
    flag: 'sign-in-max-failures',
    allowed: 'an integer from 1 to 1000',
    default: '10',
    about: 'Failed sign-ins to one account from one IP address before that address is locked out of it',
  },
  signInMaxPerAccount: {
    env: 'SIGN_IN_MAX_PER_ACCOUNT',
    flag: 'sign-in-max-per-account',
    allowed: 'an integer from 1 to 100000',
    default: '100',
    about: 'Failed sign-ins to one account from all addresses before it is locked for everyone',
  },
  signInMaxPerIp: {
    env: 'SIGN_IN_MAX_PER_IP',
    flag: 'sign-in-max-per-ip',
    allowed: 'an integer from 1 to 100000',
    default: '100',
    about: 'Sign-in attempts from one IP address per window',
  },
  signInWindowSeconds: {
    env: 'SIGN_IN_WINDOW_SECONDS',
    flag: 'sign-in-window-seconds',
    allowed: 'an integer from 1 to 86400',
    default: '900',
    about: 'The sign-in rate limit window',
  },
  auditRetentionDays: {
    env: 'AUDIT_RETENTION_DAYS',
    flag: 'audit-retention-days',
    allowed: 'an integer from 1 to 3650',
    default: '365',
    about: 'How long audit log entries are kept',
  },
  contextRetentionDays: {
    env: 'CONTEXT_RETENTION_DAYS',
    flag: 'context-retention-days',
    allowed: 'an integer from 1 to 3650',
    default: '30',
    about: 'How long a deleted shared-context entry (and its history) is kept before it is purged',
  },
  trustedOrigins: {
    env: 'TRUSTED_ORIGINS',
    flag: 'trusted-origins',
    allowed: 'comma-separated http(s) origins',
    default: '(PUBLIC_URL only)',
    about: 'Other web origins allowed to send signed-in writes',
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    flag: 'trust-proxy',
    allowed: 'true or false',
    default: 'false',
    about: 'Take the client address from X-Forwarded-For (behind a reverse proxy)',
  },
  promptsDir: {
    env: 'PROMPTS_DIR',
    flag: 'prompts-dir',
    allowed: 'a directory path',
    default: './prompts',
    about:
      'Markdown prompts (front matter for the metadata), loaded at start and on change, read-only in the app',
  },
  uploadLimit: {
    env: 'UPLOAD_LIMIT',
    flag: 'upload-limit',
    allowed: 'an integer number of bytes from 1024 to 1073741824',
    default: String(25 * megabyte),
    about: 'Largest document file accepted by upload',
  },
  textLimit: {
    env: 'TEXT_LIMIT',
    flag: 'text-limit',
    allowed: 'an integer number of bytes from 1024 to 104857600',
    default: String(megabyte),
    about: 'Largest text a text tool accepts',
  },
  extractMaxUnpackedBytes: {
    env: 'EXTRACT_MAX_UNPACKED_BYTES',
    flag: 'extract-max-unpacked-bytes',
    allowed: 'an integer number of bytes from 1048576 to 4294967296',
    default: String(256 * megabyte),
    about:
      'Most bytes the compressed streams of one uploaded PDF may unpack to before its text is read (more answers 422 EXTRACTION_LIMIT)',
  },
  extractMaxPages: {
    env: 'EXTRACT_MAX_PAGES',
    flag: 'extract-max-pages',
    allowed: 'an integer from 1 to 1000000',
    default: '5000',
    about: 'Most pages of a PDF whose text is read',
  },
  extractTimeoutMs: {
    env: 'EXTRACT_TIMEOUT_MS',
    flag: 'extract-timeout-ms',
    allowed: 'an integer from 100 to 600000',
    default: '30000',
    about: 'How long reading the text of one file (in a worker thread) may take',
  },
  extractMemoryMb: {
    env: 'EXTRACT_MEMORY_MB',
    flag: 'extract-memory-mb',
    allowed: 'an integer from 32 to 16384',
    default: '256',
    about: "The heap of the worker thread that reads a file's text, in megabytes",
  },
  fetchTimeoutMs: {
    env: 'FETCH_TIMEOUT_MS',
    flag: 'fetch-timeout-ms',
    allowed: 'an integer from 100 to 300000',
    default: '10000',
    about: 'How long fetching a URL (URL documents, text tools) may take',
  },
  fetchMaxBytes: {
    env: 'FETCH_MAX_BYTES',
    flag: 'fetch-max-bytes',
    allowed: 'an integer number of bytes from 1024 to 1073741824',
    default: String(10 * megabyte),
    about: 'Largest response body read when fetching a URL',
  },
  fetchAllowedHosts: {
    env: 'FETCH_ALLOWED_HOSTS',
    flag: 'fetch-allowed-hosts',
    allowed: 'comma-separated host names, IP addresses or CIDR ranges',
    default: '(none)',
    about: 'Private, loopback or link-local addresses that URL fetching may reach anyway (refused otherwise)',
  },
  mcpCallTimeoutMs: {
    env: 'MCP_CALL_TIMEOUT_MS',
    flag: 'mcp-call-timeout-ms',
    allowed: 'an integer from 1000 to 3600000',
    default: '60000',
    about: 'How long a call to a tool of a user’s external MCP server may take',
  },
  mcpFixtures: {
    env: 'MCP_FIXTURES',
    flag: 'mcp-fixtures',
    allowed: 'true or false',
    default: 'false',
    about:
      'Serve the MCP conformance and benchmark fixtures; /mcp then lets callers without credentials in as a fixture user, so HOST must be loopback. Never in production',
  },
  model: {
    env: 'MODEL',
    flag: 'model',
    allowed: 'offline, or provider:model with provider openai, anthropic, ollama or openai-compatible',
    default: 'offline',
    about:
      'The default chat model, e.g. openai:gpt-4.1-mini or ollama:qwen2.5:14b; offline is the built-in assistant',
  },
  models: {
    env: 'MODELS',
    flag: 'models',
    allowed: 'comma-separated model ids, as MODEL',
    default: '(MODEL only)',
    about: 'The models users may pick from (an admin can change the list and the default in the app)',
  },
  modelBaseUrl: {
    env: 'MODEL_BASE_URL',
    flag: 'model-base-url',
    allowed: 'an http:// or https:// URL',
    default: '(none)',
    about:
      'Base URL of an OpenAI-compatible server (LM Studio, vLLM, llama.cpp), e.g. http://127.0.0.1:1234/v1',
  },
  modelApiKey: {
    env: 'MODEL_API_KEY',
    flag: 'model-api-key',
    allowed: 'a string',
    default: '(none)',
    about:
      'API key for the OpenAI-compatible server; also used by openai and anthropic when their own key is unset',
  },
  openaiApiKey: {
    env: 'OPENAI_API_KEY',
    flag: 'openai-api-key',
    allowed: 'a string',
    default: '(none)',
    about: 'API key for openai: models',
  },
  anthropicApiKey: {
    env: 'ANTHROPIC_API_KEY',
    flag: 'anthropic-api-key',
    allowed: 'a string',
    default: '(none)',
    about: 'API key for anthropic: models',
  },
  ollamaBaseUrl: {
    env: 'OLLAMA_BASE_URL',
    flag: 'ollama-base-url',
    allowed: 'an http:// or https:// URL',
    default: 'http://127.0.0.1:11434',
    about: 'Where the Ollama server listens',
  },
  modelContextTokens: {
    env: 'MODEL_CONTEXT_TOKENS',
    flag: 'model-context-tokens',
    allowed: 'an integer from 1024 to 10000000',
    default: '(per provider)',
    about: "The model's context window in tokens; the chat history is trimmed to fit it",
  },
  chatHistoryMessages: {
    env: 'CHAT_HISTORY_MESSAGES',
    flag: 'chat-history-messages',
    allowed: 'an integer from 1 to 1000',
    default: '15',
    about: "How many of the active branch's most recent messages the assistant sees",
  },
  chatMaxSteps: {
    env: 'CHAT_MAX_STEPS',
    flag: 'chat-max-steps',
    allowed: 'an integer from 1 to 100',
    default: '8',
    about: 'The most model steps (each may call tools) in one assistant reply',
  },
  toolApproval: {
    env: 'TOOL_APPROVAL',
    flag: 'tool-approval',
    allowed: 'destructive or none',
    default: 'destructive',
    about:
      'Which tool calls in the chat wait for the user to approve them: destructive ones (deletes), or none',
  },
  chatReconnectGraceMs: {
    env: 'CHAT_RECONNECT_GRACE_MS',
    flag: 'chat-reconnect-grace-ms',
    allowed: 'an integer from 0 to 600000',
    default: '10000',
    about:
      'How long a reply keeps going after its client disconnects, waiting for it to reconnect, before it is interrupted',
  },
  instanceId: {
    env: 'INSTANCE_ID',
    flag: 'instance-id',
    allowed: '1 to 100 letters, digits, dots, dashes or underscores',
    default: '(generated once, kept in DATA_DIR)',
    about:
      "This instance's durable-engine executor id; must differ between instances on one database and stay the same across a restart",
  },
  engineHeartbeatMs: {
    env: 'ENGINE_HEARTBEAT_MS',
    flag: 'engine-heartbeat-ms',
    allowed: 'an integer from 100 to 600000',
    default: '10000',
    about:
      'How often an instance writes its heartbeat and looks for dead instances whose workflows to recover',
  },
  engineDeadAfterMs: {
    env: 'ENGINE_DEAD_AFTER_MS',
    flag: 'engine-dead-after-ms',
    allowed: 'an integer from 300 to 3600000, at least twice ENGINE_HEARTBEAT_MS',
    default: '30000',
    about:
      'An instance whose heartbeat is older than this is dead: a live one recovers its pending workflows',
  },
  chatReplyLeaseMs: {
    env: 'CHAT_REPLY_LEASE_MS',
    flag: 'chat-reply-lease-ms',
    allowed: 'an integer from 300 to 600000',
    default: '30000',
    about:
      'How long a reply being written stays claimed without its instance renewing the claim (a third of it apart); a reply whose instance died is interrupted by another within about 4/3 of it',
  },
  eventHookLocalHttp: {
    env: 'EVENT_HOOK_LOCAL_HTTP',
    flag: 'event-hook-local-http',
    allowed: 'true or false',
    default: 'false',
    about:
      'Let event subscriptions post to plain http:// webhooks on loopback (localhost, 127.0.0.1, ::1); https only otherwise. The address must still pass FETCH_ALLOWED_HOSTS',
  },
  eventDeliveryBackoffMs: {
    env: 'EVENT_DELIVERY_BACKOFF_MS',
    flag: 'event-delivery-backoff-ms',
    allowed: 'an integer from 10 to 3600000',
    default: '30000',
    about: 'The wait before an event delivery’s first retry; it doubles at each retry, up to an hour',
  },
  eventDeliveryRetryMs: {
    env: 'EVENT_DELIVERY_RETRY_MS',
    flag: 'event-delivery-retry-ms',
    allowed: 'an integer from 100 to 604800000',
    default: '86400000',
    about: 'How long a failing event delivery is retried before it becomes a dead letter (24 hours)',
  },
  workflowCacheTtlHours: {
    env: 'WORKFLOW_CACHE_TTL_HOURS',
    flag: 'workflow-cache-ttl-hours',
    allowed: 'an integer from 1 to 87600',
    default: '168',
    about: 'How long a workflow step with cache: true keeps its output for the same input (per user)',
  },
  agentMessageMaxAttempts: {
    env: 'AGENT_MESSAGE_MAX_ATTEMPTS',
    flag: 'agent-message-max-attempts',
    allowed: 'an integer from 1 to 50',
    default: '5',
    about:
      'How many times a message between agents is delivered without an acknowledgement before it goes to the dead letters',
  },
  agentMessageAckTimeoutMs: {
    env: 'AGENT_MESSAGE_ACK_TIMEOUT_MS',
    flag: 'agent-message-ack-timeout-ms',
    allowed: 'an integer from 100 to 3600000',
    default: '30000',
    about:
      'How long a received message between agents waits for its acknowledgement; the n-th redelivery then waits this times 2^(n-1), at most 15 minutes',
  },
  shutdownTimeoutMs: {
    env: 'SHUTDOWN_TIMEOUT_MS',
    flag: 'shutdown-timeout-ms',
    allowed: 'an integer from 0 to 600000',
    default: '10000',
    about: 'How long shutdown waits for in-flight requests',
  },
  embeddingModel: {
    env: 'EMBEDDING_MODEL',
    flag: 'embedding-model',
    allowed: 'openai:…, ollama:… or openai-compatible:… and a model name',
    default: '(none)',
    about:
      'The embedding model for semantic memory recall, e.g. openai:text-embedding-3-small; unset, recall is full text and trigram only',
  },
  memoryRecallTokens: {
    env: 'MEMORY_RECALL_TOKENS',
    flag: 'memory-recall-tokens',
    allowed: 'an integer from 0 to 100000',
    default: '500',
    about: "The most tokens of the user's memories put into the chat's system prompt; 0 turns recall off",
  },
  memoryArchiveDays: {
    env: 'MEMORY_ARCHIVE_DAYS',
    flag: 'memory-archive-days',
    allowed: 'an integer from 0 to 36500',
    default: '180',
    about: 'Memories neither recalled nor written for this many days are archived (never deleted); 0 never',
  },
  memoryExtract: {
    env: 'MEMORY_EXTRACT',
    flag: 'memory-extract',
    allowed: 'true or false',
    default: 'false',
    about:
      'After each finished chat turn, the default model (not the offline assistant) extracts facts about the user into memories (source message, tag extracted)',
  },
  memoryPgvector: {
    env: 'MEMORY_PGVECTOR',
    flag: 'memory-pgvector',
    allowed: 'true or false',
    default: 'true',
    about:
      'Memory vectors use pgvector (HNSW, cosine) where the database has the vector extension (created when the role may); false, or without it: real[] with an exact cosine scan',
  },
  backupBeforeMigrate: {
    env: 'BACKUP_BEFORE_MIGRATE',
    flag: 'backup-before-migrate',
    allowed: 'true or false',
    default: 'true',
    about:
      'Before migrations change an existing database (an upgrade), write a backup to DATA_DIR/backups (what switchboard backup writes)',
  },
  otelEndpoint: {
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    flag: 'otel-endpoint',
    allowed: 'an http:// or https:// URL',
    default: '(off)',
    about:
      'An OpenTelemetry collector: traces are sent there over OTLP/HTTP (to /v1/traces); unset, no tracing is loaded',
  },
} as const;

export type SettingKey = keyof typeof settings;

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A comma-separated list, each item checked by `item`; empty when unset. */
const commaSeparated = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .default([]);

/** `offline`, or `provider:model` (the model name may itself hold colons, as Ollama tags do). */
const modelId = z
  .string()
  .regex(/^(offline|(openai|anthropic|ollama|openai-compatible):\S+)$/, 'expected offline or provider:model');

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
  signupPolicy: z.enum(['open', 'invite', 'closed']).default('invite'),
  featuresDisabled: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    )
    .pipe(z.array(featureNameSchema))
    .default([]),
  authSecret: z.string().min(32).optional(),
  sessionTtlHours: integer(1, 8760).default(24),
  passwordMinLength: integer(8, 128).default(10),
  signInMaxFailures: integer(1, 1000).default(10),
  signInMaxPerAccount: integer(1, 100_000).default(100),
  signInMaxPerIp: integer(1, 100_000).default(100),
  signInWindowSeconds: integer(1, 86_400).default(900),
  auditRetentionDays: integer(1, 3650).default(365),
  contextRetentionDays: integer(1, 3650).default(30),
  trustedOrigins: commaSeparated(z.url({ protocol: /^https?$/ })),
  trustProxy: z.stringbool().default(false),
  mcpCallTimeoutMs: integer(1000, 3_600_000).default(60_000),
  mcpFixtures: z.stringbool().default(false),
  uploadLimit: integer(1024, 1024 * megabyte).default(25 * megabyte),
  textLimit: integer(1024, 100 * megabyte).default(megabyte),
  extractMaxUnpackedBytes: integer(megabyte, 4096 * megabyte).default(256 * megabyte),
  extractMaxPages: integer(1, 1_000_000).default(5000),
  extractTimeoutMs: integer(100, 600_000).default(30_000),
  extractMemoryMb: integer(32, 16_384).default(256),
  fetchTimeoutMs: integer(100, 300_000).default(10_000),
  fetchMaxBytes: integer(1024, 1024 * megabyte).default(10 * megabyte),
  fetchAllowedHosts: commaSeparated(z.string().min(1)),
  promptsDir: z.string().min(1).default('./prompts'),
  model: modelId.default('offline'),
  models: commaSeparated(modelId),
  modelBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  modelApiKey: z.string().min(1).optional(),
  openaiApiKey: z.string().min(1).optional(),
  anthropicApiKey: z.string().min(1).optional(),
  ollamaBaseUrl: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:11434'),
  modelContextTokens: integer(1024, 10_000_000).optional(),
  chatHistoryMessages: integer(1, 1000).default(15),
  chatMaxSteps: integer(1, 100).default(8),
  toolApproval: z.enum(['destructive', 'none']).default('destructive'),
  chatReconnectGraceMs: integer(0, 600_000).default(10_000),
  instanceId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected 1 to 100 letters, digits, dots, dashes or underscores')
    .optional(),
  engineHeartbeatMs: integer(100, 600_000).default(10_000),
  engineDeadAfterMs: integer(300, 3_600_000).default(30_000),
  chatReplyLeaseMs: integer(300, 600_000).default(30_000),
  eventHookLocalHttp: z.stringbool().default(false),
  eventDeliveryBackoffMs: integer(10, 3_600_000).default(30_000),
  eventDeliveryRetryMs: integer(100, 604_800_000).default(86_400_000),
  embeddingModel: z
    .string()
    .regex(
      /^(openai|ollama|openai-compatible):\S+$/,
      'expected openai:, ollama: or openai-compatible: and a model',
    )
    .optional(),
  memoryRecallTokens: integer(0, 100_000).default(500),
  memoryArchiveDays: integer(0, 36_500).default(180),
  memoryExtract: z.stringbool().default(false),
  memoryPgvector: z.stringbool().default(true),
  workflowCacheTtlHours: integer(1, 87_600).default(168),
  backupBeforeMigrate: z.stringbool().default(true),
  otelEndpoint: z.url({ protocol: /^https?$/ }).optional(),
  agentMessageMaxAttempts: integer(1, 50).default(5),
  agentMessageAckTimeoutMs: integer(100, 3_600_000).default(30_000),
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
  const { publicUrl, dataDir, promptsDir, ...rest } = parsed.data;
  if (rest.mcpFixtures && !isLoopback(rest.host)) {
    return {
      ok: false,
      problems: [
        `MCP_FIXTURES=true needs a loopback HOST (127.0.0.1, ::1 or localhost), not ${JSON.stringify(rest.host)}: in fixture mode /mcp serves requests without credentials.`,
      ],
    };
  }
  if (rest.engineDeadAfterMs < 2 * rest.engineHeartbeatMs) {
    return {
      ok: false,
      problems: [
        `ENGINE_DEAD_AFTER_MS=${rest.engineDeadAfterMs} must be at least twice ENGINE_HEARTBEAT_MS=${rest.engineHeartbeatMs}: one late heartbeat must not make a live instance look dead.`,
      ],
    };
  }
  const needsBaseUrl = [rest.model, ...rest.models].find((id) => id.startsWith('openai-compatible:'));
  if (needsBaseUrl && !rest.modelBaseUrl) {
    return {
      ok: false,
      problems: [`${needsBaseUrl} needs MODEL_BASE_URL: the address of the OpenAI-compatible server.`],
    };
  }
  return {
    ok: true,
    config: {
      ...rest,
      dataDir: path.resolve(dataDir),
      promptsDir: path.resolve(promptsDir),
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

const secretSettings = new Set<SettingKey>(['authSecret', 'modelApiKey', 'openaiApiKey', 'anthropicApiKey']);

function describeProblem(issue: z.core.$ZodIssue, present: Record<string, unknown>): string {
  const key = String(issue.path[0]) as SettingKey;
  const setting = settings[key];
  const value = present[key];
  const shown =
    key === 'databaseUrl'
      ? redactUrl(String(value))
      : secretSettings.has(key)
        ? '(hidden)'
        : JSON.stringify(value);
  return `${setting.env}=${shown} is invalid: ${issue.message}. Allowed: ${setting.allowed}.`;
}

/** Hides the password in a database URL so it never reaches a terminal or a log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '***';
  }
}

/** True for an address only this machine reaches: 127.0.0.0/8, ::1, localhost. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'));
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
