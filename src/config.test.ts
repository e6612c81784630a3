import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, readConfig, redactUrl, settings } from './config.js';

describe('config', () => {
  it('uses the documented defaults when nothing is set', () => {
    const result = readConfig({ env: {}, flags: {} });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        dataDir: path.resolve('./data'),
        logLevel: 'info',
        publicUrl: 'http://127.0.0.1:3000',
        bodyLimit: 1_048_576,
        eventRetentionDays: 30,
        backupBeforeMigrate: true,
        extractMaxUnpackedBytes: 256 * 1024 * 1024,
        extractMaxPages: 5000,
        extractTimeoutMs: 30_000,
        featuresDisabled: [],
        extractMemoryMb: 256,
        shutdownTimeoutMs: 10_000,
        signupPolicy: 'invite',
        sessionTtlHours: 24,
        passwordMinLength: 10,
        signInMaxFailures: 10,
        signInMaxPerAccount: 100,
        signInMaxPerIp: 100,
        signInWindowSeconds: 900,
        auditRetentionDays: 365,
        contextRetentionDays: 30,
        trustedOrigins: [],
        trustProxy: false,
        mcpCallTimeoutMs: 60_000,
        mcpFixtures: false,
        promptsDir: path.resolve('./prompts'),
        uploadLimit: 26_214_400,
        textLimit: 1_048_576,
        fetchTimeoutMs: 10_000,
        fetchMaxBytes: 10_485_760,
        fetchAllowedHosts: [],
        model: 'offline',
        models: [],
        ollamaBaseUrl: 'http://127.0.0.1:11434',
        chatHistoryMessages: 15,
        chatMaxSteps: 8,
        toolApproval: 'destructive',
        chatReconnectGraceMs: 10_000,
        engineHeartbeatMs: 10_000,
        engineDeadAfterMs: 30_000,
        chatReplyLeaseMs: 30_000,
        eventHookLocalHttp: false,
        eventDeliveryBackoffMs: 30_000,
        eventDeliveryRetryMs: 86_400_000,
        memoryRecallTokens: 500,
        memoryArchiveDays: 180,
        memoryExtract: false,
        memoryPgvector: true,
        workflowCacheTtlHours: 168,
        agentMessageMaxAttempts: 5,
        agentMessageAckTimeoutMs: 30_000,
      },
    });
  });

  it('reads environment variables and lets flags win over them', () => {
    const result = readConfig({
      env: {
        PORT: '4000',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://db.internal/switchboard',
        LOG_LEVEL: 'debug',
      },
      flags: { port: '5000' },
    });
    expect(result.ok && result.config).toMatchObject({
      port: 5000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://db.internal/switchboard',
      logLevel: 'debug',
      publicUrl: 'http://localhost:5000',
    });
  });

  it('treats an empty variable as unset', () => {
    const result = readConfig({ env: { DATABASE_URL: '', PORT: '' }, flags: {} });
    expect(result.ok && result.config.databaseUrl).toBeUndefined();
    expect(result.ok && result.config.port).toBe(3000);
  });

  it('keeps PUBLIC_URL as given, without a trailing slash', () => {
    const result = parseConfig({ publicUrl: 'https://switchboard.example.com/' });
    expect(result.ok && result.config.publicUrl).toBe('https://switchboard.example.com');
  });

  it('names every bad key once, with what is wrong and what is allowed', () => {
    const result = readConfig({
      env: {
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        PUBLIC_URL: 'ftp://x',
      },
      flags: {},
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((line) => line.startsWith('PORT='))).toMatch(
      /PORT="eighty" is invalid: .+ Allowed: an integer from 0 to 65535\./,
    );
    expect(problems.find((line) => line.startsWith('LOG_LEVEL='))).toContain(
      'Allowed: fatal, error, warn, info, debug, trace, silent',
    );
    expect(problems.find((line) => line.startsWith('PUBLIC_URL='))).toContain(
      'Allowed: an http:// or https:// URL',
    );
    const databaseLine = problems.find((line) => line.startsWith('DATABASE_URL=')) ?? '';
    expect(databaseLine).toContain('Allowed: a postgres:// or postgresql:// URL');
    expect(databaseLine).not.toContain('hunter2');
  });

  it('reads the features switched off by default, and names an unknown one', () => {
    const result = readConfig({ env: { FEATURES_DISABLED: 'a2a, sign_up' }, flags: {} });
    expect(result.ok && result.config.featuresDisabled).toEqual(['a2a', 'sign_up']);
    const unknown = readConfig({ env: { FEATURES_DISABLED: 'a2a,teleport' }, flags: {} });
    expect(unknown.ok ? [] : unknown.problems.map((line) => line.split('=')[0])).toEqual([
      'FEATURES_DISABLED',
    ]);
  });

  it('rejects out-of-range numbers', () => {
    const result = readConfig({ env: { PORT: '70000', BODY_LIMIT: '10' }, flags: {} });
    expect(result.ok ? [] : result.problems.map((line) => line.split('=')[0])).toEqual([
      'PORT',
      'BODY_LIMIT',
    ]);
  });

  it('wants a dead-after window of at least two heartbeats, and a plain instance id', () => {
    const tight = readConfig({
      env: { ENGINE_HEARTBEAT_MS: '1000', ENGINE_DEAD_AFTER_MS: '1500' },
      flags: {},
    });
    expect(tight.ok ? [] : tight.problems).toEqual([
      expect.stringMatching(/^ENGINE_DEAD_AFTER_MS=1500 must be at least twice ENGINE_HEARTBEAT_MS=1000/),
    ]);
    expect(readConfig({ env: { INSTANCE_ID: 'web 1' }, flags: {} }).ok).toBe(false);
    expect(readConfig({ env: { INSTANCE_ID: 'web-1.eu_west' }, flags: {} })).toMatchObject({
      ok: true,
      config: { instanceId: 'web-1.eu_west' },
    });
  });

  it('refuses MCP fixture mode on an address other machines reach', () => {
    const refused = readConfig({ env: { MCP_FIXTURES: 'true', HOST: '0.0.0.0' }, flags: {} });
    expect(refused.ok ? [] : refused.problems).toEqual([
      expect.stringMatching(/^MCP_FIXTURES=true needs a loopback HOST .+ not "0\.0\.0\.0"/),
    ]);
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost'])
      expect(readConfig({ env: { MCP_FIXTURES: 'true', HOST: host }, flags: {} }).ok, host).toBe(true);
  });

  it('hides database passwords', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redactUrl('postgres://db:5432/x')).toBe('postgres://db:5432/x');
    expect(redactUrl('postgres://u:p%40ss%2Fw@host/db')).toBe('postgres://u:***@host/db');
    expect(redactUrl('not a url with secret')).toBe('***');
  });
});

describe('the README', () => {
  it('documents every setting', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const { env, flag } of Object.values(settings)) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${env}\`\\s*\\|\\s*\`--${flag}\`\\s*\\|`));
    }
  });
});
