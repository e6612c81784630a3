import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, seedUser, signIn } from '../helpers/identity.js';
import { connectMcpClient } from '../helpers/mcp-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

/** Requests the fuzz test found a 5xx, an internal error or a hang with, kept as fixed cases. */
describe('requests the fuzz found failing', () => {
  let testApp: TestApp;
  let alice: ReturnType<typeof as>;
  let client: Client;

  beforeAll(async () => {
    testApp = await buildTestApp('embedded');
    const url = await testApp.app.listen();
    await seedUser(testApp.app, { email: 'alice@example.com' });
    const cookie = await signIn(testApp.app, 'alice@example.com');
    alice = as(testApp.app, { cookie });
    client = await connectMcpClient(testApp, { url, cookie, name: 'fuzz-cases' });
  });
  afterAll(async () => {
    await client.close();
    await testApp.close();
  });

  it.each([
    ['an external server whose url is no URL', '/api/v1/mcp-servers', { name: 'x', url: '0z]=' }, 'url'],
    [
      'a completion with no message text',
      '/v1/chat/completions',
      { messages: [{ role: 'assistant' }, { role: 'user' }] },
      'messages',
    ],
  ])('answers %s with 400 naming the field', async (_case, url, payload, field) => {
    const response = await alice({ method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  it('answers a sentiment comparison of text with a lone surrogate at once: refused, not a hang', async () => {
    const result = await client.callTool({
      name: 'sentiment_comparison',
      arguments: { texts: ['Great news.', 'x \ud800 y'] },
    });
    expect(result.isError).toBe(true);
    expect(result._meta?.['switchboard/error']).toMatchObject({
      error_code: 'INVALID_INPUT',
      field: 'texts.1',
    });
  }, 10_000);

  it('reads a resource URI with a malformed escape as one that does not exist', async () => {
    for (const uri of ['switchboard://resources/%zz', 'switchboard://tasks/%']) {
      const answer = await client.readResource({ uri }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(answer).toMatchObject({ code: -32002 });
      expect(answer).not.toMatchObject({ code: ErrorCode.InternalError });
    }
  });
});
