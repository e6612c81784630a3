import type { Actor } from '../../../actor.js';
import type { ExportFile } from '../schema.js';
import { type ImportLog, refusalOf } from './import-log.js';
import { allPages, type PortabilityPorts } from './ports.js';

type Context = PortabilityPorts['context'];

/**
 * Each space as a new space of the actor's with its entries (version 1 each). A name the actor
 * already gives one of their spaces gets a suffix: "Plan (2)". A space with an entry refused here
 * (a value larger than this instance allows) is taken back whole and reported skipped.
 */
export async function importContextSpaces(
  context: Context,
  actor: Actor,
  { items, log }: { items: ExportFile['context_spaces']; log: ImportLog },
): Promise<void> {
  const spaces = await allPages((cursor) => context.spaces.list(actor, { limit: 100, cursor }));
  const taken = new Set(spaces.filter((space) => space.role === 'owner').map((space) => space.name));
  for (const item of items) {
    const name = freeSpaceName(taken, item.name);
    const space = await context.spaces.create(actor, { name });
    taken.add(name);
    try {
      for (const entry of item.entries)
        await context.entries.set(actor, space.id, entry.key, { value: entry.value, if_version: 0 });
    } catch (error) {
      await context.spaces.delete(actor, space.id);
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      log.skipped('context_spaces', { exported_id: item.id, name: item.name, ...refusal });
      continue;
    }
    log.created(
      'context_spaces',
      { exported_id: item.id, id: space.id, name, renamed_from: name === item.name ? null : item.name },
      () => context.spaces.delete(actor, space.id),
    );
  }
}

function freeSpaceName(taken: Set<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${wanted.slice(0, 190)} (${suffix})`;
    if (!taken.has(candidate)) return candidate;
  }
}
