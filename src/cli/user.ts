import { systemActor } from '../actor.js';
import { type CommandContext, required, UsageError, withApp } from './command.js';
import { exitCodes } from './exit-codes.js';

/**
 * `--password -` reads the password from the first line of stdin, so that it stays out of the
 * shell history and the process list (`ps` shows every argument).
 */
async function passwordFrom(flag: string): Promise<string> {
  if (flag !== '-') return flag;
  let input = '';
  for await (const chunk of process.stdin) {
    input += String(chunk);
    if (input.includes('\n')) break;
  }
  const [line = ''] = input.split(/\r?\n/);
  if (!line) throw new UsageError('--password - reads the password from stdin, and stdin was empty.');
  return line;
}

/** `switchboard user add|list`: manage accounts from the server's shell, whatever the sign-up policy. */
export async function userCommand(context: CommandContext): Promise<number> {
  const { args } = context;
  const [action] = args.rest;
  if (action === 'add') {
    const role = args.commandFlags.role ?? 'user';
    if (role !== 'user' && role !== 'admin') throw new UsageError('--role must be user or admin.');
    const email = required(args, 'email');
    const input = {
      email,
      password: await passwordFrom(required(args, 'password')),
      name: args.commandFlags.name ?? email.split('@')[0] ?? email,
      role,
    } as const;
    const user = await withApp(context, 'switchboard user add', (app) =>
      app.identity.users.create(systemActor, input),
    );
    process.stdout.write(`Created ${user.role} ${user.email} (id ${user.id})\n`);
    return exitCodes.ok;
  }
  if (action === 'list') {
    const users = await withApp(context, 'switchboard user list', async (app) => {
      const all = [];
      let cursor: string | undefined;
      do {
        const page = await app.identity.users.list(systemActor, { limit: 100, cursor });
        all.push(...page.items);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return all;
    });
    if (users.length === 0)
      process.stdout.write(
        'No accounts yet. Create the first admin with: switchboard user add --email E --password P --role admin\n',
      );
    for (const user of users) {
      const state = user.active ? 'active' : 'deactivated';
      process.stdout.write(
        `${user.id}  ${user.email}  ${user.role}  ${state}  last sign-in ${user.last_sign_in_at ?? 'never'}\n`,
      );
    }
    return exitCodes.ok;
  }
  throw new UsageError(
    'Use "switchboard user add --email E --password P [--name N] [--role admin|user]" or "switchboard user list".',
  );
}
