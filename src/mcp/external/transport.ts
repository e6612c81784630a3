import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Logger } from '../../logger.js';
import type { McpServerConfig } from '../../modules/mcp-servers/index.js';
import type { FetchPolicy } from '../../net/fetch-url.js';
import { guardedFetch } from '../../net/guarded-fetch.js';

/**
 * The SDK transport for a server: Streamable HTTP through our address-checked fetch with the
 * server's headers, or its command as a child process (stderr goes to the debug log).
 */
export function createTransport(
  server: McpServerConfig,
  { fetchPolicy, logger }: { fetchPolicy: FetchPolicy; logger: Logger },
): Transport {
  if (server.transport === 'http') {
    return new StreamableHTTPClientTransport(new URL(server.url ?? ''), {
      fetch: guardedFetch({ allowedHosts: fetchPolicy.allowedHosts, maxBytes: fetchPolicy.maxBytes }),
      requestInit: { headers: { ...server.headers } },
      reconnectionOptions: {
        initialReconnectionDelay: 1000,
        maxReconnectionDelay: 30_000,
        reconnectionDelayGrowFactor: 2,
        maxRetries: 2,
      },
    });
  }
  const transport = new StdioClientTransport({
    command: server.command ?? '',
    args: [...server.args],
    env: { ...server.env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) =>
    logger.debug(
      { mcpServer: server.id, stderr: chunk.toString().slice(0, 2000) },
      'MCP server wrote to stderr',
    ),
  );
  return transport;
}
