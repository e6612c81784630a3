import { actingAs, type Scope, scopes, systemActor } from '../actor.js';
import { type CommandContext, required, UsageError, withApp } from './command.js';
import { exitCodes } from './exit-codes.js';

/** `switchboard apikey create|revoke`: keys for programs and MCP clients, made from the server's shell. */
export async function apikeyCommand(context: CommandContext): Promise<number> {
  const { args } = context;
  const [action] = args.rest;
  if (action === 'create') {
    const email = required(args, 'user');
    const name = required(args, 'name');
    const requested = (args.commandFlags.scopes ?? 'mcp,api:read').split(',').map((scope) => scope.trim());
    const unknown = requested.filter((scope) => !(scopes as readonly string[]).includes(scope));
    if (unknown.length > 0)
      throw new UsageError(`Unknown scope ${unknown.join(', ')}: use ${scopes.join(', ')}.`);
    const expires_in_days = args.commandFlags['expires-in-days']
      ? Number(args.commandFlags['expires-in-days'])
      : undefined;
    const { key } = await withApp(context, 'switchboard apikey create', async (app) => {
      const user = await app.identity.users.findByEmail(systemActor, email);
      // The CLI acts as the key's owner, with everything their role allows.
      const owner = actingAs({ userId: user.id, role: user.role });
      return app.identity.apiKeys.create(owner, { name, scopes: requested as Scope[], expires_in_days });
    });
    process.stdout.write(`${key}\n`);
    return exitCodes.ok;
  }
  if (action === 'revoke') {
    const id = required(args, 'id');
    await withApp(context, 'switchboard apikey revoke', (app) =>
      app.identity.apiKeys.revoke(systemActor, id),
    );
    process.stdout.write(`Revoked API key ${id}\n`);
    return exitCodes.ok;
  }
  throw new UsageError(
    'Use "switchboard apikey create --user EMAIL --name NAME [--scopes a,b]" or "switchboard apikey revoke --id ID".',
  );
}
