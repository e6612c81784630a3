import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createApiKey } from './identity.js';
import type { TestApp } from './test-app.js';

/**
 * An MCP client of the SDK connected over real HTTP to a listening test app at `url`, as the user
 * whose session `cookie` makes it a fresh API key (all scopes). The caller closes it.
 */
export async function connectMcpClient(
  testApp: TestApp,
  { url, cookie, name }: { url: string; cookie: string; name: string },
): Promise<Client> {
  const { key } = await createApiKey(testApp.app, cookie);
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  return client;
}
