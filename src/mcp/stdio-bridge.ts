import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * Relays MCP messages between this process's stdio and a running server's /mcp, so a local client
 * (Claude Desktop) talks to the server as the API key's user. Resolves when either side closes.
 */
export async function bridgeStdioToServer({ url, apiKey }: { url: string; apiKey: string }): Promise<void> {
  const local = new StdioServerTransport();
  const remote = new StreamableHTTPClientTransport(new URL('/mcp', url), {
    requestInit: { headers: { authorization: `Bearer ${apiKey}` } },
  });
  const initializeIds = new Set<string | number>();

  local.onmessage = (message: JSONRPCMessage) => {
    if ('method' in message && message.method === 'initialize' && 'id' in message)
      initializeIds.add(message.id);
    remote.send(message).catch((error: Error) => {
      if ('id' in message && message.id !== undefined && 'method' in message) {
        void local.send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32603, message: `Switchboard at ${url}: ${error.message}` },
        });
      }
    });
  };
  remote.onmessage = (message: JSONRPCMessage) => {
    // The protocol version agreed at initialize goes on every later HTTP request, as the SDK client does.
    if ('result' in message && initializeIds.delete(message.id)) {
      const version = (message.result as { protocolVersion?: string }).protocolVersion;
      if (version) remote.setProtocolVersion(version);
    }
    void local.send(message);
  };

  const closed = new Promise<void>((resolve) => {
    local.onclose = () => resolve();
    remote.onclose = () => resolve();
  });
  remote.onerror = (error) => process.stderr.write(`switchboard mcp: ${error.message}\n`);
  await remote.start();
  await local.start();
  await closed;
  await Promise.allSettled([remote.terminateSession(), remote.close(), local.close()]);
}
