import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** Text that must never reach a log line. */
const secret = 'my bank password is hunter2';

describe('error logs', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let client: Client;
  const lines: string[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', {
      settings: { logLevel: 'info' },
      logStream: { write: (line: string) => void lines.push(line) },
    });
    const url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    const cookie = await signIn(testApp.app, 'alice@example.com');
    alice = as(testApp.app, { cookie });
    client = await connectMcpClient(testApp, { url, cookie, name: 'log-test' });
    // A database that refuses this title: the insert fails inside Postgres, whose error quotes the row.
    await testApp.app.database.db.execute(
      sql.raw(`alter table tasks add constraint refuses_the_secret check (title <> '${secret}')`),
    );
  });
  afterAll(async () => {
    await client.close();
    await testApp.close();
  });

  it('logs a failed statement by its class, code, constraint and request id, without the user’s text', async () => {
    lines.length = 0;
    const response = await alice({ method: 'POST', url: '/api/v1/tasks', payload: { title: secret } });
    expect(response.statusCode).toBe(500);
    const requestId = response.json().error.request_id;

    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'internal error');
    expect(failure).toMatchObject({
      requestId,
      err: { type: 'DrizzleQueryError', cause: { code: '23514', constraint: 'refuses_the_secret' } },
    });
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('logs a tool that failed in the database without the arguments', async () => {
    lines.length = 0;
    const result = await client.callTool({ name: 'add_task', arguments: { title: secret } });
    expect(result.isError).toBe(true);
    expect(lines.some((line) => line.includes('internal error'))).toBe(true);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});
