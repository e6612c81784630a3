import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

type Request = Extract<JSONRPCMessage, { method: string; id: string | number }>;
type Notification = Exclude<Extract<JSONRPCMessage, { method: string }>, Request>;

/**
 * Relays MCP messages between this process's stdio and a running server's /mcp, so a local client
 * (Claude Desktop) talks to the server as the API key's user. When the server has forgotten the
 * session (it restarted, or the session sat idle), the bridge opens a new one by replaying the
 * client's handshake, so the client never notices. Resolves when either side closes.
 */
export async function bridgeStdioToServer({ url, apiKey }: { url: string; apiKey: string }): Promise<void> {
  const local = new StdioServerTransport();
  const handshake: { initialize?: Request; initialized?: Notification; protocolVersion?: string } = {};
  /** Ids of replayed requests whose answers are the bridge's, not the client's. */
  const swallowed = new Set<string | number>();
  let closeRemote: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    local.onclose = () => resolve();
    closeRemote = resolve;
  });

  const open = async () => {
    const remote = new StreamableHTTPClientTransport(new URL('/mcp', url), {
      requestInit: { headers: { authorization: `Bearer ${apiKey}` } },
    });
    remote.onmessage = (message: JSONRPCMessage) => {
      if ('id' in message && message.id !== undefined && 'result' in message) {
        if (message.id === handshake.initialize?.id) {
          // The version agreed at initialize goes on every later HTTP request, as the SDK client does.
          handshake.protocolVersion = (message.result as { protocolVersion?: string }).protocolVersion;
          if (handshake.protocolVersion) remote.setProtocolVersion(handshake.protocolVersion);
        }
        if (swallowed.delete(message.id)) return;
      }
      void local.send(message);
    };
    remote.onerror = (error) => process.stderr.write(`switchboard mcp: ${error.message}\n`);
    remote.onclose = () => closeRemote();
    await remote.start();
    return remote;
  };
  let remote = await open();

  const reopen = async () => {
    remote.onclose = undefined;
    await remote.close().catch(() => {});
    remote = await open();
    if (!handshake.initialize) return;
    swallowed.add(handshake.initialize.id);
    await remote.send(handshake.initialize);
    if (handshake.protocolVersion) remote.setProtocolVersion(handshake.protocolVersion);
    if (handshake.initialized) await remote.send(handshake.initialized);
  };

  let reopening: Promise<void> | undefined;
  const reopenOnce = () => (reopening ??= reopen().finally(() => (reopening = undefined)));

  const forward = async (message: JSONRPCMessage) => {
    if ('method' in message && message.method === 'initialize' && 'id' in message)
      handshake.initialize = message as Request;
    if ('method' in message && message.method === 'notifications/initialized')
      handshake.initialized = message as Notification;
    try {
      await remote.send(message);
    } catch (error) {
      const sessionGone =
        error instanceof StreamableHTTPError &&
        error.code === 404 &&
        handshake.initialize &&
        message !== handshake.initialize;
      if (!sessionGone) throw error;
      await reopenOnce();
      await remote.send(message);
    }
  };

  local.onmessage = (message: JSONRPCMessage) => {
    forward(message).catch((error: Error) => {
      if ('method' in message && 'id' in message && message.id !== undefined) {
        void local.send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32603, message: `Switchboard at ${url}: ${error.message}` },
        });
      }
    });
  };
  await local.start();
  await closed;
  await Promise.allSettled([remote.terminateSession(), remote.close(), local.close()]);
}
