import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { apiKeys } from '../../src/modules/identity/table.js';
import { commit, version } from '../../src/version.js';
import { testConfig } from '../helpers/test-app.js';
import { killChildren, spawnTypeScript, startServer } from '../helpers/child-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

async function runCli(args: string[], env: Record<string, string> = {}, stdin = '') {
  const run = spawnTypeScript('test/fixtures/switchboard.ts', { args, env });
  run.child.stdin?.end(stdin);
  const code = await run.closed;
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

describe('the switchboard command', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('embedded');
  });
  afterAll(async () => {
    killChildren();
    await database.drop();
  });

  it('prints its version and the commit it was made from', async () => {
    expect(await runCli(['--version'])).toMatchObject({
      code: 0,
      stdout: `switchboard ${version} (${commit()})`,
    });
  });

  it('explains its commands and every setting in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const word of [
      'serve',
      'migrate',
      'PORT',
      'HOST',
      'DATA_DIR',
      'DATABASE_URL',
      'PUBLIC_URL',
      'LOG_LEVEL',
    ]) {
      expect(stdout).toContain(word);
    }
    // Every scope a key can carry, each with what it is for.
    for (const scope of ['api:read', 'api:write', 'mcp', 'admin'])
      expect(stdout).toMatch(new RegExp(`^  ${scope} +\\S`, 'm'));
  });

  it('exits 2 with one line per bad setting, and starts nothing', async () => {
    const dataDir = path.join(database.dataDir, 'never-created');
    const { code, stderr } = await runCli(['serve', '--port', 'x'], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'chatty',
    });
    expect(code).toBe(2);
    const lines = stderr.split('\n').filter((line) => line.includes(' is invalid: '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('PORT="x" is invalid');
    expect(lines[1]).toContain('LOG_LEVEL="chatty" is invalid');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('exits 2 on an unknown command or flag', async () => {
    expect(await runCli(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command "frobnicate"'),
    });
    expect(await runCli(['--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("'--colour'"),
    });
  });

  it('creates and migrates an embedded database, and migrates again without harm', async () => {
    const fresh = await createTestDatabase('embedded', { empty: true });
    const env = { DATA_DIR: fresh.dataDir };
    expect(await runCli(['migrate'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('is up to date'),
    });
    expect(await runCli(['migrate'], env)).toMatchObject({ code: 0 });
    expect(fs.existsSync(path.join(fresh.dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    await fresh.drop();
  });

  it('says plainly that a running server holds the data directory, and leaves it working', async () => {
    const server = await startServer({ DATA_DIR: database.dataDir });
    try {
      const migrate = await runCli(['migrate'], { DATA_DIR: database.dataDir });
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain(`"switchboard serve" (pid ${server.child.pid}`);
      expect(migrate.stderr).toContain(`serving ${server.url}`);
      expect(migrate.stderr).toContain('stop that process first');

      const second = await runCli(['serve'], { DATA_DIR: database.dataDir, PORT: '0' });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`pid ${server.child.pid}`);

      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(database.dataDir, 'switchboard.lock'))).toBe(false);
  });

  it('says which database it could not reach', async () => {
    const { code, stderr } = await runCli(['migrate'], {
      DATABASE_URL: 'postgres://nobody:pw@127.0.0.1:1/none',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Could not connect to the database at postgres://nobody:***@127.0.0.1:1/none');
    expect(stderr).not.toContain(':pw@');
  });

  it('lets several processes migrate one Postgres at once', async () => {
    const shared = await createTestDatabase('postgres', { empty: true });
    try {
      const env = { DATABASE_URL: shared.settings.databaseUrl ?? '' };
      const runs = await Promise.all([
        runCli(['migrate'], env),
        runCli(['migrate'], env),
        runCli(['migrate'], env),
      ]);
      expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    } finally {
      await shared.drop();
    }
  });
});

describe('managing accounts from the command line', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  const env = () => database.env;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    killChildren();
    await database.drop();
  });

  it('adds an admin, lists accounts, creates a key printed alone on stdout, and revokes it', async () => {
    const added = await runCli(
      [
        'user',
        'add',
        '--email',
        'Ops@Example.com',
        '--password',
        'a long enough password',
        '--role',
        'admin',
      ],
      env(),
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Created admin ops@example\.com \(id .+\)$/),
    });

    const listed = await runCli(['user', 'list'], env());
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ops@example\.com {2}admin {2}active {2}last sign-in never/);

    const created = await runCli(
      ['apikey', 'create', '--user', 'ops@example.com', '--name', 'deploy', '--scopes', 'mcp,admin'],
      env(),
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);

    const app = await createApp({
      config: testConfig(database.settings),
      logger: createLogger({ level: 'silent' }),
    });
    let keyId = '';
    try {
      const asKey = { authorization: `Bearer ${created.stdout}` };
      expect(
        (await app.http.inject({ method: 'GET', url: '/api/v1/admin/users', headers: asKey })).statusCode,
      ).toBe(200);
      expect((await app.http.inject({ method: 'GET', url: '/api/v1/me', headers: asKey })).statusCode).toBe(
        403,
      );
      const [stored] = await app.database.db.select().from(apiKeys);
      expect(stored?.scopes).toEqual(['mcp', 'admin']);
      keyId = stored?.id ?? '';
    } finally {
      await app.close();
    }
    expect(await runCli(['apikey', 'revoke', '--id', keyId], env())).toMatchObject({
      code: 0,
      stdout: `Revoked API key ${keyId}`,
    });
  });

  it('reads the password from stdin with --password -, keeping it out of the arguments', async () => {
    const added = await runCli(
      ['user', 'add', '--email', 'quiet@example.com', '--password', '-'],
      env(),
      'a password from stdin\n',
    );
    expect(added.code, added.stderr).toBe(0);
    const app = await createApp({
      config: testConfig(database.settings),
      logger: createLogger({ level: 'silent' }),
    });
    try {
      const signedIn = await app.http.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/email',
        payload: { email: 'quiet@example.com', password: 'a password from stdin' },
      });
      expect(signedIn.statusCode).toBe(200);
    } finally {
      await app.close();
    }
    const empty = await runCli(['user', 'add', '--email', 'mute@example.com', '--password', '-'], env());
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('stdin was empty') });
  });

  it('explains a missing flag, a bad role, an unknown scope and a duplicate email', async () => {
    expect(await runCli(['user', 'add', '--email', 'x@example.com'], env())).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--password is required'),
    });
    expect(
      await runCli(['user', 'add', '--email', 'x@example.com', '--password', 'p', '--role', 'boss'], env()),
    ).toMatchObject({ code: 2 });
    expect(
      await runCli(
        ['apikey', 'create', '--user', 'ops@example.com', '--name', 'n', '--scopes', 'root'],
        env(),
      ),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown scope root'),
    });
    expect(
      await runCli(
        ['user', 'add', '--email', 'ops@example.com', '--password', 'a long enough password'],
        env(),
      ),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });
    expect(await runCli(['user', 'frobnicate'], env())).toMatchObject({ code: 2 });
  });
});
