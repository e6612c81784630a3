import type { Actor } from '../../../actor.js';
import type { ExportFile } from '../schema.js';
import type { ImportLog } from './import-log.js';
import type { PortabilityPorts } from './ports.js';

/**
 * The memories as new ones of the actor's, all at once; an agent's memory goes to the agent as
 * imported (the map from the file's agent ids). A fact already kept in that scope is skipped.
 */
export async function importMemories(
  { memories }: Pick<PortabilityPorts, 'memories'>,
  actor: Actor,
  { items, agentIds, log }: { items: ExportFile['memories']; agentIds: Map<string, string>; log: ImportLog },
): Promise<void> {
  const results = await memories.importMemories(
    actor,
    items.map((item) =>
      item.scope === 'agent' ? { ...item, scope_id: agentIds.get(item.scope_id) ?? item.scope_id } : item,
    ),
  );
  const made: string[] = [];
  results.forEach((result, index) => {
    const item = items[index];
    if (!item) return;
    if (!result.created) {
      log.skipped('memories', {
        exported_id: item.id,
        name: item.text,
        code: 'ALREADY_THERE',
        reason: `You already have this memory (${result.memoryId})`,
      });
      return;
    }
    const { memory } = result;
    log.created('memories', { exported_id: item.id, id: memory.id, name: memory.text, renamed_from: null });
    made.push(memory.id);
  });
  // Taken back all at once: one transaction, the events after it.
  if (made.length > 0) log.undoWith(() => memories.forgetMany(actor, made));
}
