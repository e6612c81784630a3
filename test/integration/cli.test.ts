import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../src/version.js';
import { killChildren, spawnTypeScript, startServer } from '../helpers/child-process.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-database.js';

async function runCli(args: string[], env: Record<string, string> = {}) {
  const run = spawnTypeScript('test/fixtures/switchboard.ts', { args, env });
  run.child.stdin?.end();
  const code = await run.closed;
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

describe('the switchboard command', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('embedded');
  });
  afterAll(async () => {
    killChildren();
    await database.drop();
  });

  it('prints its version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: version });
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
    expect(fs.existsSync(path.join(fresh.dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
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

  it.runIf(postgresAvailable)('lets several processes migrate one Postgres at once', async () => {
    const shared = await createTestDatabase('postgres');
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
