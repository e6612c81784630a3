import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { UnauthenticatedError } from '../errors.js';
import { buildMcpServer } from '../mcp/build-mcp-server.js';
import { bridgeStdioToServer } from '../mcp/stdio-bridge.js';
import { requireScope } from '../actor-policy.js';
import { type CommandContext, UsageError, withApp } from './command.js';
import { exitCodes } from './exit-codes.js';

/**
 * `switchboard mcp`: MCP over stdio for local clients (Claude Desktop and the like), as the user
 * whose API key is in SWITCHBOARD_API_KEY (or --api-key). With a server answering at
 * SWITCHBOARD_URL it relays to it; otherwise it serves from the database itself. stdout carries
 * only protocol messages; everything else goes to stderr.
 */
export async function mcpCommand(context: CommandContext): Promise<number> {
  const apiKey = context.args.commandFlags['api-key'] ?? process.env.SWITCHBOARD_API_KEY;
  if (!apiKey)
    throw new UsageError(
      'Give the API key of the user to act as: SWITCHBOARD_API_KEY=sb_… or --api-key sb_….',
    );
  const url = context.args.commandFlags.url ?? process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:3000';

  if (await answers(url)) {
    context.logger.info({ url }, 'relaying MCP over stdio to the running server');
    await bridgeStdioToServer({ url, apiKey });
    return exitCodes.ok;
  }
  await withApp(context, 'switchboard mcp', async (app) => {
    const { actor } = await app.identity.resolveActor({
      headers: new Headers({ authorization: `Bearer ${apiKey}` }),
      surface: 'mcp',
    });
    if (!actor)
      throw new UnauthenticatedError('INVALID_API_KEY', 'This API key is unknown, revoked or expired');
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = () => resolve();
      process.stdin.once('end', resolve);
    });
    const { server, onEvent } = buildMcpServer({
      ...app.mcpServices,
      actor: requireScope(actor, 'mcp'),
      logger: context.logger,
    });
    const stopWatching = app.bus.subscribe('*', onEvent);
    await server.connect(transport);
    await closed;
    stopWatching();
  });
  return exitCodes.ok;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}
