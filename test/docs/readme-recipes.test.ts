import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, seedUser, signIn } from '../helpers/identity.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

const run = promisify(execFile);
const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The README's fenced shell blocks that are curl calls, as written. */
const curlBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((match) => (match[1] ?? '').trim())
  .filter((block) => block.startsWith('curl '));

/** The scopes the README tells a reader to give the key the curl examples use. */
const chatKeyScopes = /apikey create --user \S+ --name chat --scopes ([\w:,]+)/.exec(readme)?.[1]?.split(',');

/**
 * The README's recipes work as written: each curl example, with the host and the key put in, is
 * run by curl against the real server, with a key made as the README says, and answers 2xx.
 */
describe('the README’s curl examples', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let key: string;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    baseUrl = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'you@example.com' });
    key = (await createApiKey(testApp.app, await signIn(testApp.app, 'you@example.com'), chatKeyScopes)).key;
  });
  afterAll(() => testApp.close());

  it('are found, with the scopes their key needs', () => {
    expect(curlBlocks.length).toBeGreaterThanOrEqual(3);
    expect(chatKeyScopes).toContain('api:write');
  });

  it.each(curlBlocks.map((block) => [block.split('\n')[0] ?? '', block]))(
    '%s answers 2xx',
    async (_, block) => {
      const command = block.replaceAll('http://127.0.0.1:3000', baseUrl).replaceAll('sb_…', key);
      // -sS: no progress meter; the status code on a line of its own after the body.
      const { stdout } = await run('sh', ['-c', `${command} -sS -w '\\n%{http_code}'`], { timeout: 60_000 });
      const status = Number(stdout.trim().split('\n').at(-1));
      expect(status, stdout).toBeGreaterThanOrEqual(200);
      expect(status, stdout).toBeLessThan(300);
    },
  );
});
